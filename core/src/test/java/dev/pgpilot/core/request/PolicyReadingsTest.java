package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.AsRole.A;
import static dev.pgpilot.core.request.AsRole.B;
import static dev.pgpilot.core.request.AsRole.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.target.DatabaseTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A policy request whose subject or rows the schema allows more than one way gives numbered
 * readings (the shell offers them; CLI and Slack refuse listing them), never a silent pick; each
 * reading is itself a complete request that plans to what it says, and is safe as real roles.
 */
class PolicyReadingsTest {
    /** admins lists A; profiles.role says C is admin; courses are linked to students by enrollments and by waitlist. */
    private static final String APP = """
            create type public.app_role as enum ('member', 'admin');
            create type public.stage as enum ('draft', 'open');
            create table public.admins (user_id uuid primary key references auth.users(id));
            create table public.profiles (id uuid primary key references auth.users(id), role public.app_role not null default 'member');
            alter table public.profiles enable row level security;
            create table public.courses (id int primary key, title text, stage public.stage not null default 'draft', review public.stage not null default 'open');
            create table public.enrollments (course_id int references public.courses(id), student_id uuid references auth.users(id));
            create table public.waitlist (course_id int references public.courses(id), student_id uuid references auth.users(id));
            create table public.notices (id int primary key);
            insert into public.notices values (1), (2);
            insert into public.admins values ('00000000-0000-0000-0000-00000000000a');
            insert into public.profiles values ('00000000-0000-0000-0000-00000000000c', 'admin'), ('00000000-0000-0000-0000-00000000000b', 'member');
            insert into public.courses values (1, 'c1', 'draft', 'open'), (2, 'c2', 'open', 'draft');
            insert into public.enrollments values (1, '00000000-0000-0000-0000-00000000000b');
            insert into public.waitlist values (2, '00000000-0000-0000-0000-00000000000b');
            """;

    private static DatabaseTarget app() throws Exception {
        return Fixture.freshWith(APP);
    }

    private static List<String> readings(DatabaseTarget db, String request) {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> RoundTripTest.plan(db, request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        return e.readings().stream().map(AmbiguousRequest.Reading::request).toList();
    }

    @Test
    void adminsListedInATableAndInProfilesRolesAreTwoReadingsEachPlanningItsOwnCheck() throws Exception {
        DatabaseTarget db = app();
        assertEquals(List.of("only users listed in admins can delete notices", "only users whose profiles.role is 'admin' can delete notices"),
                readings(db, "only admins can delete notices"));
        MigrationSql listed = RoundTripTest.plan(db, "only users listed in admins can delete notices");
        assertTrue(listed.upSql().contains("from \"public\".\"admins\" a"), listed.upSql());
        MigrationSql role = RoundTripTest.plan(db, "only users whose profiles.role is 'admin' can delete notices");
        Fixture.exec(db, role.upSql());
        assertEquals(0, AsRole.rows(db, A, "delete from notices"), "A is listed in admins, which this reading does not ask");
        assertEquals(0, AsRole.rows(db, B, "delete from notices"));
        assertEquals(2, AsRole.rows(db, C, "delete from notices"));
    }

    @Test
    void aValueOfTwoColumnsIsOneReadingPerColumn() throws Exception {
        DatabaseTarget db = app();
        assertEquals(List.of("signed-in users can read courses where stage is 'draft'", "signed-in users can read courses where review is 'draft'"),
                readings(db, "signed-in users can read draft courses"));
        RoundTripTest.apply(db, "signed-in users can read courses where review is 'draft'");
        assertEquals(1, AsRole.rows(db, B, "select * from courses"));
        assertEquals(1, AsRole.rows(db, B, "select * from courses where id = 2"), "course 2 is the one whose review is draft");
    }

    @Test
    void aPersonTwoTablesLinkIsOneReadingPerTableAndAWordNamingOnePicksIt() throws Exception {
        DatabaseTarget db = app();
        assertEquals(List.of("students in enrollments can read courses", "students in waitlist can read courses"), readings(db, "students can read courses"));
        RoundTripTest.apply(db, "enrolled students can read courses");
        assertEquals(1, AsRole.rows(db, B, "select * from courses where id = 1"));
        assertEquals(0, AsRole.rows(db, B, "select * from courses where id = 2"), "B is only on the waitlist of course 2");
        assertEquals(0, AsRole.rows(db, C, "select * from courses"));
    }
}
