package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.AsRole.A;
import static dev.pgpilot.core.request.AsRole.ANON;
import static dev.pgpilot.core.request.AsRole.B;
import static dev.pgpilot.core.request.AsRole.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.target.DatabaseTarget;
import org.junit.jupiter.api.Test;

/**
 * Grants said without "can" ("users manage their own notes"), with the commands in parentheses
 * ("(read, update)": those, not all four), two subjects in one sentence, the owner one key away
 * ("their own payments" by payments.member_id -> members.user_id), a teacher two keys up, and what is
 * asked instead of picked (two owner columns, two membership keys). Run as real roles.
 */
class StatedGrantsAsRolesTest {
    /** A owns note 1 and listing 1 and teaches course 1; B owns note 2, offered on listing 1 and paid payment 1; C offered too. */
    private static final String APP = """
            create table public.notes (id int primary key, user_id uuid not null references auth.users(id), body text);
            alter table public.notes enable row level security;
            create table public.listings (id int primary key, seller_id uuid not null references auth.users(id));
            create table public.offers (id int primary key, listing_id int not null references public.listings(id), buyer_id uuid not null references auth.users(id));
            create table public.members (id int primary key, user_id uuid not null unique references auth.users(id));
            create table public.payments (id int primary key, member_id int not null references public.members(id), amount int);
            create table public.docs (id int primary key, user_id uuid references auth.users(id), created_by uuid references auth.users(id));
            create table public.projects (id int primary key);
            create table public.project_members (project_id int not null references public.projects(id), user_id uuid not null references auth.users(id));
            create table public.jobs (id int primary key, project_id int not null references public.projects(id));
            create table public.tasks (id int primary key, project_id int references public.projects(id), organization_id uuid references public.organizations(id));
            create table public.courses (id int primary key, teacher_id uuid not null references auth.users(id));
            create table public.assignments (id int primary key, course_id int not null references public.courses(id));
            create table public.submissions (id int primary key, assignment_id int not null references public.assignments(id),
              student_id uuid not null references auth.users(id), grade int);
            create table public.remarks (id int primary key, task_id int not null references public.tasks(id), author_id uuid not null references auth.users(id), body text);
            create table public.invoices (id int primary key, organization_id uuid not null references public.organizations(id));
            create table public.invoice_items (id int primary key, invoice_id int not null references public.invoices(id));
            create table public.sessions (id int primary key);
            create table public.bookings (id int primary key, session_id int not null references public.sessions(id), member_id uuid not null references auth.users(id));
            insert into public.projects values (1), (2);
            insert into public.project_members values (1, '00000000-0000-0000-0000-00000000000a'), (2, '00000000-0000-0000-0000-00000000000b');
            insert into public.tasks values (1, 1, null), (2, 2, null);
            insert into public.organizations (id, name) values ('00000000-0000-0000-0000-000000000001', 'o1'), ('00000000-0000-0000-0000-000000000002', 'o2');
            insert into public.memberships (user_id, organization_id) values ('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-000000000001'),
              ('00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-000000000002');
            insert into public.invoices values (1, '00000000-0000-0000-0000-000000000001'), (2, '00000000-0000-0000-0000-000000000002');
            insert into public.invoice_items values (1, 1), (2, 2), (3, 2);
            insert into public.sessions values (1);
            insert into public.notes values (1, '00000000-0000-0000-0000-00000000000a', 'a'), (2, '00000000-0000-0000-0000-00000000000b', 'b');
            insert into public.listings values (1, '00000000-0000-0000-0000-00000000000a'), (2, '00000000-0000-0000-0000-00000000000c');
            insert into public.offers values (1, 1, '00000000-0000-0000-0000-00000000000b'), (2, 2, '00000000-0000-0000-0000-00000000000b'),
              (3, 1, '00000000-0000-0000-0000-00000000000c');
            insert into public.members values (1, '00000000-0000-0000-0000-00000000000a'), (2, '00000000-0000-0000-0000-00000000000b');
            insert into public.payments values (1, 2, 10);
            insert into public.courses values (1, '00000000-0000-0000-0000-00000000000a'), (2, '00000000-0000-0000-0000-00000000000c');
            insert into public.assignments values (11, 1), (12, 2);
            insert into public.submissions values (1, 11, '00000000-0000-0000-0000-00000000000b', null), (2, 12, '00000000-0000-0000-0000-00000000000b', null);
            """;

    @Test
    void commandsInParenthesesAreTheOnlyOnesManageGrants() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "users manage their own notes (read, update)");
        assertEquals(1, AsRole.rows(db, A, "select * from notes"));
        assertEquals(0, AsRole.rows(db, B, "select * from notes where id = 1"));
        assertEquals(1, AsRole.rows(db, A, "update notes set body = 'x' where id = 1"));
        assertEquals(0, AsRole.rows(db, B, "update notes set body = 'x' where id = 1"));
        assertEquals(0, AsRole.rows(db, A, "delete from notes where id = 1"), "delete was not in the list");
        assertTrue(AsRole.refused(db, A, "insert into notes values (3, '" + A + "', 'n')"), "insert was not in the list");
        assertEquals(0, AsRole.rows(db, ANON, "select * from notes"));
    }

    @Test
    void twoSubjectsInOneSentenceGetAPolicyEach() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        MigrationSql m = RoundTripTest.applied(db, "buyers see their own offers and sellers see the offers on their listings");
        assertTrue(m.upSql().contains("offers_select_buyer") && m.upSql().contains("offers_select_seller"), m.upSql());
        assertEquals(2, AsRole.rows(db, A, "select * from offers"), "the offers on A's listing 1");
        assertEquals(2, AsRole.rows(db, B, "select * from offers"), "B's own two offers");
        assertEquals(2, AsRole.rows(db, C, "select * from offers"), "C's own offer 3 and offer 2 on C's listing");
        assertEquals(0, AsRole.rows(db, A, "select * from offers where id = 2"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from offers"));
    }

    @Test
    void theOwnerOneKeyAwayIsTheUserOfTheirOwnPersonRow() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "users can see and add their own payments");
        assertEquals(1, AsRole.rows(db, B, "select * from payments"), "payment 1 is of B's members row");
        assertEquals(0, AsRole.rows(db, A, "select * from payments"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from payments"));
        assertEquals(1, AsRole.rows(db, A, "insert into payments values (2, 1, 5)"), "A pays as their own members row");
        assertTrue(AsRole.refused(db, A, "insert into payments values (3, 2, 5)"), "A cannot pay as B");
    }

    @Test
    void aKeyToARowWhoseOwnerHasManyRowsSaysNothingAboutWhoseTheRowIs() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP + "alter table public.projects add column owner_id uuid references auth.users(id);");
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "users can read their own jobs"));
        assertEquals(PilotException.REFUSED, e.exitCode(), e.getMessage());
    }

    @Test
    void aTeacherTwoKeysUpGradesTheSubmissionsOfTheirCourseOnly() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "the course teacher can update submissions");
        assertEquals(1, AsRole.rows(db, A, "update submissions set grade = 90"), "A teaches course 1 only");
        assertEquals(0, AsRole.rows(db, B, "update submissions set grade = 100"), "the student does not grade themselves");
        assertEquals("90", Fixture.query(db, "select string_agg(coalesce(grade::text, '-'), ',' order by id) from submissions").split(",")[0]);
        assertEquals(0, AsRole.rows(db, ANON, "update submissions set grade = 1"));
    }

    @Test
    void twoOwnerColumnsAreAskedAboutNotPicked() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "users can read their own docs"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("docs.user_id") && e.getMessage().contains("docs.created_by"), e.getMessage());
    }

    @Test
    void twoMembershipKeysAreAskedAboutUnlessTheWordsPickOne() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "members can read tasks"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("tasks.project_id") && e.getMessage().contains("tasks.organization_id"), e.getMessage());
        MigrationSql m = RoundTripTest.plan(db, "project members can read tasks");
        assertTrue(m.upSql().contains("\"project_id\" in (select m.\"project_id\" from \"public\".\"project_members\""), m.upSql());
    }

    @Test
    void membersOfTheParentRowsGroupReadItsChildren() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "invoice items are visible to the members of the invoice's organization");
        assertEquals(1, AsRole.rows(db, A, "select * from invoice_items"));
        assertEquals(2, AsRole.rows(db, B, "select * from invoice_items"));
        assertEquals(0, AsRole.rows(db, C, "select * from invoice_items"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from invoice_items"));
    }

    @Test
    void membersAddRowsToTheirGroupAsThemselvesOnly() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "project members can add remarks to tasks in their projects, as themselves");
        assertEquals(1, AsRole.rows(db, A, "insert into remarks values (1, 1, '" + A + "', 'mine')"));
        assertTrue(AsRole.refused(db, A, "insert into remarks values (2, 2, '" + A + "', 'not my project')"));
        assertTrue(AsRole.refused(db, A, "insert into remarks values (3, 1, '" + B + "', 'as B')"), "A cannot write as B");
        assertTrue(AsRole.refused(db, C, "insert into remarks values (4, 1, '" + C + "', 'no member')"));
    }

    @Test
    void bookingASessionForThemselvesAddsTheirOwnBooking() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        MigrationSql m = RoundTripTest.applied(db, "members can book sessions for themselves");
        assertTrue(m.upSql().contains("on \"public\".\"bookings\""), m.upSql());
        assertEquals(1, AsRole.rows(db, A, "insert into bookings values (1, 1, '" + A + "')"));
        assertTrue(AsRole.refused(db, A, "insert into bookings values (2, 1, '" + B + "')"), "A cannot book for B");
        assertTrue(AsRole.refused(db, ANON, "insert into bookings values (3, 1, '" + A + "')"));
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "members can book sessions"));
        assertTrue(e.getMessage().contains("adds rows to bookings"), e.getMessage());
    }
}
