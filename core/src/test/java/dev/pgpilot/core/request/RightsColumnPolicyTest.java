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
 * Rights recorded in a user's own row ("users whose profiles.role is 'admin'", "staff
 * (profiles.is_staff)", "admins" where profiles.role can say 'admin'), run as real roles. profiles
 * has row level security and no policy at all, so a plain subquery in a policy would see no row
 * for anyone: the policies ask a SECURITY DEFINER function instead, which anon may not call. Nobody
 * can give themselves the right, and a right users could write on their own row is refused.
 */
class RightsColumnPolicyTest {
    /** C is admin, A is staff, B owns project b1 and is neither. */
    private static final String APP = """
            create type public.app_role as enum ('member', 'admin');
            create table public.profiles (id uuid primary key references auth.users(id), role public.app_role not null default 'member',
              is_staff boolean not null default false);
            alter table public.profiles enable row level security;
            create table public.projects (id int primary key, owner_id uuid not null references auth.users(id), name text);
            alter table public.projects enable row level security;
            create policy projects_select_all on public.projects for select to authenticated using (true);
            create policy projects_delete_own on public.projects for delete to authenticated using ((select auth.uid()) = owner_id);
            create table public.shipments (id int primary key, note text);
            insert into public.profiles values ('00000000-0000-0000-0000-00000000000a', 'member', true),
              ('00000000-0000-0000-0000-00000000000b', 'member', false), ('00000000-0000-0000-0000-00000000000c', 'admin', false);
            insert into public.projects values (1, '00000000-0000-0000-0000-00000000000b', 'b1'), (2, '00000000-0000-0000-0000-00000000000a', 'a1');
            insert into public.shipments values (1, 'o1');
            """;

    private static DatabaseTarget app() throws Exception {
        return Fixture.freshWith(APP);
    }

    @Test
    void onlyUsersWhoseRoleSaysAdminDeleteAndTheOwnersPolicyIsRestricted() throws Exception {
        DatabaseTarget db = app();
        MigrationSql m = RoundTripTest.applied(db, "only users whose profiles.role is 'admin' can delete projects");
        assertTrue(m.upSql().contains("security definer set search_path = ''"), m.upSql());
        assertTrue(m.upSql().contains("now restricted: projects_delete_own"), m.upSql());
        assertEquals(0, AsRole.rows(db, B, "delete from projects where id = 1"), "B owns b1 but is no admin");
        assertEquals(0, AsRole.rows(db, A, "delete from projects"));
        assertEquals(0, AsRole.rows(db, ANON, "delete from projects"));
        assertEquals(2, AsRole.rows(db, C, "delete from projects"), "the admin deletes, though profiles shows C no row");
        Fixture.exec(db, "insert into public.projects values (1, '" + B + "', 'b1')");
        Fixture.exec(db, m.downSql());
        assertEquals(1, AsRole.rows(db, B, "delete from projects where id = 1"), "after the down the owner's policy alone decides again");
        assertEquals("0", Fixture.query(db, "select count(*) from pg_proc where proname like 'has_profiles%'"), "the down drops the function it created");
    }

    @Test
    void nobodyGivesThemselvesTheRightAndAnonCannotAskIt() throws Exception {
        DatabaseTarget db = app();
        RoundTripTest.applied(db, "only users whose profiles.role is 'admin' can delete projects");
        assertEquals(0, AsRole.rows(db, B, "update profiles set role = 'admin'"), "profiles has no policy: B cannot make themselves admin");
        assertTrue(AsRole.refused(db, B, "insert into profiles (id, role) values ('" + B + "', 'admin')"));
        assertTrue(AsRole.refused(db, ANON, "select public.has_profiles_role_admin()"), "anon may not execute the function");
        assertEquals("false", Fixture.query(db, "set role authenticated;\nselect set_config('request.jwt.claims', '{\"sub\":\"" + B + "\"}', false);\n"
                + "select public.has_profiles_role_admin()::text"), "the function answers for the caller only");
    }

    @Test
    void aFlagInParenthesesNamesTheStaffWhoMayUpdate() throws Exception {
        DatabaseTarget db = app();
        // RLS is off on shipments: the migration turns it on, or its policy would be decoration and everyone could update
        Fixture.exec(db, "create policy shipments_read on shipments for select to authenticated using (true)");
        MigrationSql m = RoundTripTest.applied(db, "staff (profiles.is_staff) can update shipments");
        assertTrue(m.upSql().contains("\"shipments_update_staff\""), m.upSql());
        assertEquals(0, AsRole.rows(db, B, "update shipments set note = 'b'"));
        assertEquals(0, AsRole.rows(db, ANON, "update shipments set note = 'anon'"));
        assertEquals(1, AsRole.rows(db, A, "update shipments set note = 'a'"));
        assertEquals("a", Fixture.query(db, "select note from shipments"));
    }

    @Test
    void adminsWithoutAnAdminsTableAreTheUsersWhoseRowSaysAdmin() throws Exception {
        DatabaseTarget db = app();
        MigrationSql m = RoundTripTest.applied(db, "only admins can delete projects");
        assertTrue(m.upSql().contains("public.has_profiles_role_admin()"), m.upSql());
        assertEquals(0, AsRole.rows(db, B, "delete from projects where id = 1"));
        assertEquals(2, AsRole.rows(db, C, "delete from projects"));
    }

    @Test
    void aSecondRequestReusesTheFunctionAndItsDownLeavesItInPlace() throws Exception {
        DatabaseTarget db = app();
        RoundTripTest.applied(db, "only users whose profiles.role is 'admin' can delete projects");
        Fixture.exec(db, "alter table shipments enable row level security");
        MigrationSql second = RoundTripTest.applied(db, "users whose profiles.role is 'admin' can read shipments");
        assertFalse(second.upSql().contains("create or replace function"), second.upSql());
        assertEquals(1, AsRole.rows(db, C, "select * from shipments"));
        assertEquals(0, AsRole.rows(db, B, "select * from shipments"));
        Fixture.exec(db, second.downSql());
        assertEquals("1", Fixture.query(db, "select count(*) from pg_proc where proname = 'has_profiles_role_admin'"), "the first migration's function stays");
    }

    @Test
    void aRightUsersCanWriteOnTheirOwnRowIsRefused() throws Exception {
        DatabaseTarget db = app();
        Fixture.exec(db, "create policy own_profile_update on profiles for update to authenticated using ((select auth.uid()) = id)");
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "only users whose profiles.role is 'admin' can delete projects"));
        assertEquals("refusing a right recorded in profiles: policy \"own_profile_update\" lets users write rows of profiles, so anyone could set "
                + "profiles.role = 'admin' on their own row and give themselves that right", e.getMessage());
        DatabaseTarget off = app();
        Fixture.exec(off, "alter table profiles disable row level security");
        PilotException o = assertThrows(PilotException.class, () -> RoundTripTest.plan(off, "staff (profiles.is_staff) can update shipments"));
        assertTrue(o.getMessage().contains("row level security off"), o.getMessage());
    }

    @Test
    void oncePoliciesAskARightItsTableIsNoLongerOpenToSelfWrites() throws Exception {
        DatabaseTarget db = app();
        RoundTripTest.applied(db, "only users whose profiles.role is 'admin' can delete projects");
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "users can update their own profiles"));
        assertTrue(e.getMessage().startsWith("refusing update on profiles for anyone but admins"), e.getMessage());
    }
}
