package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.AsRole.A;
import static dev.pgpilot.core.request.AsRole.ANON;
import static dev.pgpilot.core.request.AsRole.B;
import static dev.pgpilot.core.request.AsRole.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.target.DatabaseTarget;
import org.junit.jupiter.api.Test;

/**
 * Members reading the membership table itself ("members can see the other members of their team"),
 * run as real roles. A policy on team_members that read team_members would recurse, so it asks a
 * SECURITY DEFINER function; a member sees the rows of their own teams and no others, anon sees
 * nothing and may not call the function, and nobody can make themselves a member.
 */
class FellowMembersPolicyTest {
    /** A and C are in team 1, B alone in team 2. */
    private static final String APP = """
            create table public.teams (id bigint primary key, name text);
            create table public.team_members (team_id bigint not null references public.teams(id), user_id uuid not null references auth.users(id),
              primary key (team_id, user_id));
            alter table public.team_members enable row level security;
            insert into public.teams values (1, 't1'), (2, 't2');
            insert into public.team_members values (1, '00000000-0000-0000-0000-00000000000a'), (1, '00000000-0000-0000-0000-00000000000c'),
              (2, '00000000-0000-0000-0000-00000000000b');
            """;

    @Test
    void aMemberSeesTheMembersOfTheirOwnTeamsOnly() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        MigrationSql m = RoundTripTest.applied(db, "members can see the other members of their team");
        assertTrue(m.upSql().contains("security definer set search_path = ''"), m.upSql());
        assertEquals(2, AsRole.rows(db, A, "select * from team_members"));
        assertEquals(2, AsRole.rows(db, C, "select * from team_members"));
        assertEquals(1, AsRole.rows(db, B, "select * from team_members"), "B sees only team 2");
        assertEquals(0, AsRole.rows(db, B, "select * from team_members where team_id = 1"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from team_members"));
        Fixture.exec(db, m.downSql());
        assertEquals("0", Fixture.query(db, "select count(*) from pg_proc where proname like 'has_team_members%'"), "the down drops the function it created");
    }

    @Test
    void nobodyMakesThemselvesAMemberAndAnonCannotAskTheFunction() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "team members can see who else is in their teams");
        assertTrue(AsRole.refused(db, B, "insert into team_members values (1, '" + B + "')"), "B cannot join team 1");
        assertEquals(0, AsRole.rows(db, B, "update team_members set team_id = 1"));
        assertEquals(0, AsRole.rows(db, A, "delete from team_members"));
        assertTrue(AsRole.refused(db, ANON, "select public.has_team_members_team_id(1)"), "anon may not execute the function");
        assertEquals("false", Fixture.query(db, "set role authenticated;\nselect set_config('request.jwt.claims', '{\"sub\":\"" + B + "\"}', false);\n"
                + "select public.has_team_members_team_id(1)::text"), "the function answers for the caller only");
    }

    @Test
    void membersWritingTheMembershipTableAreRefused() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "members can add other members to their team"));
        assertEquals(PilotException.REFUSED, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains("team_members"), e.getMessage());
    }

    @Test
    void aHelperTheSchemaAlreadyHasWithTheSameMeaningIsReused() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP + """
                create function public.in_team(team bigint) returns boolean language sql stable security definer set search_path = '' as $$
                  select exists (select 1 from public.team_members tm where tm.team_id = team and tm.user_id = auth.uid())
                $$;
                """);
        MigrationSql m = RoundTripTest.applied(db, "members can see the other members of their team");
        assertFalse(m.upSql().contains("create or replace function"), m.upSql());
        assertTrue(m.upSql().contains("\"public\".\"in_team\"(\"team_id\")"), m.upSql());
        assertEquals(1, AsRole.rows(db, B, "select * from team_members"));
    }

    @Test
    void aLookalikeHelperWithASearchPathIsNotReused() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP + """
                create function public.in_team(team bigint) returns boolean language sql stable security definer as $$
                  select exists (select 1 from public.team_members tm where tm.team_id = team and tm.user_id = auth.uid())
                $$;
                """);
        MigrationSql m = RoundTripTest.applied(db, "members can see the other members of their team");
        assertTrue(m.upSql().contains("public.has_team_members_team_id"), m.upSql());
    }
}
