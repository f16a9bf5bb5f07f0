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
 * Who a policy is for, named by the people of the schema ("patients", "doctors", "staff",
 * "members") and reached through its own links, applied to a real database and exercised as real
 * roles: each person gets the rows the request named, and another user or anon gets nothing more.
 */
class PolicySubjectsTest {
    /** A clinic: A is a doctor (staff of clinic 1), B has the patient row 11 (clinic 1), C is nobody; patient 12 is at clinic 2. */
    private static final String CLINIC = """
            create table public.clinics (id int primary key, name text);
            create table public.staff (id serial primary key, clinic_id int not null references public.clinics(id), user_id uuid not null references auth.users(id));
            create table public.rooms (id serial primary key, clinic_id int not null references public.clinics(id), name text);
            create table public.patients (id int primary key, clinic_id int not null references public.clinics(id), user_id uuid references auth.users(id), name text);
            alter table public.patients enable row level security;
            create policy staff_read on public.patients for select to authenticated
              using (exists (select 1 from public.staff s where s.clinic_id = patients.clinic_id and s.user_id = (select auth.uid())));
            create table public.appointments (id int primary key, clinic_id int not null references public.clinics(id), patient_id int not null references public.patients(id),
              doctor_id uuid references auth.users(id), booked_by uuid references auth.users(id), reason text);
            create table public.prescriptions (id serial primary key, appointment_id int not null references public.appointments(id), prescribed_by uuid references auth.users(id), drug text);
            create table public.bookings (id serial primary key, member_id uuid not null references auth.users(id), note text);
            create table public.exercises (id serial primary key, name text);
            insert into public.clinics values (1, 'north'), (2, 'south');
            insert into public.staff (clinic_id, user_id) values (1, '00000000-0000-0000-0000-00000000000a');
            insert into public.rooms (clinic_id, name) values (1, 'r1'), (2, 'r2');
            insert into public.patients values (11, 1, '00000000-0000-0000-0000-00000000000b', 'pat b'), (12, 2, null, 'pat none');
            insert into public.appointments values (1, 1, 11, '00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000b', 'checkup'),
              (2, 2, 12, '00000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-00000000000c', 'other');
            insert into public.bookings (member_id, note) values ('00000000-0000-0000-0000-00000000000b', 'b'), ('00000000-0000-0000-0000-00000000000c', 'c');
            insert into public.exercises (name) values ('squat');
            """;

    private static DatabaseTarget clinic() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Fixture.exec(db, CLINIC);
        return db;
    }

    private static MigrationSql apply(DatabaseTarget db, String request) throws Exception {
        MigrationSql m = RoundTripTest.plan(db, request);
        Fixture.exec(db, m.upSql());
        return m;
    }

    @Test
    void patientsReachTheirAppointmentsThroughTheirPatientRowAndBookOnlyForThemselves() throws Exception {
        DatabaseTarget db = clinic();
        MigrationSql m = apply(db, "patients can see their own appointments");
        assertTrue(m.upSql().contains("\"patients_select_own\""), "patients has RLS that hides a patient's own row: " + m.upSql());
        assertEquals(1, AsRole.rows(db, B, "select * from appointments"));
        assertEquals(0, AsRole.rows(db, C, "select * from appointments"), "C is no patient, though C is the doctor of appointment 2");
        assertEquals(0, AsRole.rows(db, ANON, "select * from appointments"));
        apply(db, "patients can book appointments for themselves");
        assertEquals(1, AsRole.rows(db, B, "insert into appointments (id, clinic_id, patient_id) values (3, 1, 11)"));
        assertTrue(AsRole.refused(db, B, "insert into appointments (id, clinic_id, patient_id) values (4, 2, 12)"), "B booked for another patient");
        assertTrue(AsRole.refused(db, C, "insert into appointments (id, clinic_id, patient_id) values (5, 1, 11)"));
    }

    @Test
    void aPersonNamedByAUserColumnGetsTheRowsThatColumnGivesThem() throws Exception {
        DatabaseTarget db = clinic();
        apply(db, "doctors can see the appointments assigned to them");
        assertEquals(1, AsRole.rows(db, A, "select * from appointments where id = 1"));
        assertEquals(1, AsRole.rows(db, A, "select * from appointments"));
        assertEquals(0, AsRole.rows(db, B, "select * from appointments"), "B booked appointment 1 but is not its doctor");
        apply(db, "members can see their own bookings");
        assertEquals(1, AsRole.rows(db, B, "select * from bookings"));
        assertEquals(0, AsRole.rows(db, A, "select * from bookings"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from bookings"));
    }

    @Test
    void staffReachTheRowsOfTheirClinicOnly() throws Exception {
        DatabaseTarget db = clinic();
        apply(db, "staff can see the rooms of their clinic");
        assertEquals(1, AsRole.rows(db, A, "select * from rooms where name = 'r1'"));
        assertEquals(1, AsRole.rows(db, A, "select * from rooms"));
        assertEquals(0, AsRole.rows(db, B, "select * from rooms"), "B is a patient at clinic 1, not staff");
        assertEquals(0, AsRole.rows(db, ANON, "select * from rooms"));
    }

    @Test
    void aParentAfterTheirIsTheRowThePersonMustReach() throws Exception {
        DatabaseTarget db = clinic();
        apply(db, "doctors can write prescriptions for their own appointments");
        assertEquals(1, AsRole.rows(db, A, "insert into prescriptions (appointment_id, drug) values (1, 'x')"));
        assertTrue(AsRole.refused(db, A, "insert into prescriptions (appointment_id, drug) values (2, 'x')"), "appointment 2 is C's");
        assertTrue(AsRole.refused(db, B, "insert into prescriptions (appointment_id, drug) values (1, 'x')"));
    }

    @Test
    void theRowsTheyBookedAreReachedByTheColumnNamedForThatVerb() throws Exception {
        DatabaseTarget db = clinic();
        apply(db, "users can update the appointments they booked");
        assertEquals(1, AsRole.rows(db, B, "update appointments set reason = 'b'"));
        assertEquals(0, AsRole.rows(db, A, "update appointments set reason = 'a'"));
        assertEquals("b,other", Fixture.query(db, "select string_agg(reason, ',' order by id) from appointments"));
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "users can read the appointments they like"));
        assertTrue(e.getMessage().startsWith("whose appointments are \"theirs\""), e.getMessage());
    }

    @Test
    void passiveReadsAndExclusiveGrantsGrantNoMoreThanSaid() throws Exception {
        DatabaseTarget db = clinic();
        apply(db, "exercises are readable by everyone");
        assertEquals(1, AsRole.rows(db, ANON, "select * from exercises"));
        assertEquals(0, AsRole.rows(db, ANON, "delete from exercises"));
        assertEquals(0, AsRole.rows(db, A, "update exercises set name = 'x'"));
        Fixture.exec(db, "alter table bookings enable row level security; create policy anyone_deletes on bookings for delete to authenticated using (true)");
        MigrationSql m = apply(db, "members can delete their own bookings but nobody else's");
        assertTrue(m.upSql().contains("now restricted: anyone_deletes"), m.upSql());
        assertEquals(0, AsRole.rows(db, A, "delete from bookings"), "the earlier policy let anyone delete; 'nobody else' restricts it");
        assertEquals(1, AsRole.rows(db, B, "delete from bookings"));
    }

    @Test
    void aNegationAfterTheGrantThatTakesACommandBackIsRefused() throws Exception {
        DatabaseTarget db = clinic();
        for (String request : new String[] {"members can read their own bookings but not delete them", "members can see their own bookings and never update them"}) {
            PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, request), request);
            assertTrue(e.getMessage().contains("forbids"), e.getMessage());
        }
        PilotException but = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "members can read their own bookings but only on mondays"));
        assertFalse(but.getMessage().isBlank());
    }

    @Test
    void severalCommandsInOneSentenceEachGetTheirOwnersRowsOnly() throws Exception {
        DatabaseTarget db = clinic();
        MigrationSql m = apply(db, "members can read and edit their own bookings");
        assertTrue(m.upSql().contains("\"bookings_select_member\"") && m.upSql().contains("\"bookings_update_member\""), m.upSql());
        assertFalse(m.upSql().contains("for delete") || m.upSql().contains("for insert"), m.upSql());
        assertEquals(1, AsRole.rows(db, B, "update bookings set note = 'mine'"));
        assertEquals(0, AsRole.rows(db, A, "update bookings set note = 'not mine'"));
        assertTrue(AsRole.refused(db, B, "update bookings set member_id = '" + C + "'"), "B cannot hand a booking to C");
    }

    @Test
    void storagePoliciesForABucketNamedByItsIdAndForTheFoldersOfTheUsersTeams() throws Exception {
        DatabaseTarget db = clinic();
        Fixture.exec(db, "create table public.teams (id int primary key); create table public.team_members (team_id int not null references public.teams(id), "
                + "user_id uuid not null references auth.users(id)); insert into public.teams values (1), (2); insert into public.team_members values (1, '" + B + "'); "
                + "insert into storage.buckets (id, name) values ('team-files', 'team-files'), ('other', 'other')");
        apply(db, "users can upload into their own folder in team-files");
        assertEquals(1, AsRole.rows(db, A, "insert into storage.objects (bucket_id, name) values ('team-files', '" + A + "/a.pdf')"));
        assertTrue(AsRole.refused(db, A, "insert into storage.objects (bucket_id, name) values ('team-files', '" + B + "/a.pdf')"));
        apply(db, "members can upload into their team's folder in team-files");
        assertEquals(1, AsRole.rows(db, B, "insert into storage.objects (bucket_id, name) values ('team-files', '1/plan.pdf')"));
        assertTrue(AsRole.refused(db, B, "insert into storage.objects (bucket_id, name) values ('team-files', '2/plan.pdf')"), "B is no member of team 2");
        assertTrue(AsRole.refused(db, C, "insert into storage.objects (bucket_id, name) values ('team-files', '1/plan.pdf')"), "C is no member of team 1");
        assertTrue(AsRole.refused(db, B, "insert into storage.objects (bucket_id, name) values ('other', '1/plan.pdf')"), "another bucket is untouched");
        assertTrue(AsRole.refused(db, ANON, "insert into storage.objects (bucket_id, name) values ('team-files', '1/x.pdf')"));
        assertEquals(0, AsRole.rows(db, C, "select * from storage.objects"), "nobody was granted reading");
    }

    @Test
    void aFolderPolicyInANewBucketCreatesTheBucketAsAskedAndAnUnknownBucketIsRefused() throws Exception {
        DatabaseTarget db = clinic();
        apply(db, "users can upload to their own folder in a new public bucket avatars");
        assertEquals("t", Fixture.query(db, "select public from storage.buckets where id = 'avatars'"), "the bucket exists and is public");
        assertEquals(1, AsRole.rows(db, A, "insert into storage.objects (bucket_id, name) values ('avatars', '" + A + "/me.png')"));
        assertTrue(AsRole.refused(db, A, "insert into storage.objects (bucket_id, name) values ('avatars', '" + B + "/me.png')"));
        PilotException unknown = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "users can upload to their own folder in the receipts bucket"));
        assertEquals(PilotException.REFUSED, unknown.exitCode());
        assertTrue(unknown.getMessage().contains("there is no bucket receipts"), unknown.getMessage());
        PilotException again = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "users can read their own folder in a new bucket avatars"));
        assertTrue(again.getMessage().contains("bucket avatars already exists"), again.getMessage());
    }

    @Test
    void aTableThatIsAlsoABucketIsTheTableUnlessTheRequestSpeaksOfFiles() throws Exception {
        DatabaseTarget db = clinic();
        Fixture.exec(db, "insert into storage.buckets (id, name) values ('bookings', 'bookings')");
        MigrationSql m = apply(db, "members can see their own bookings");
        assertTrue(m.upSql().contains("on \"public\".\"bookings\""), m.upSql());
        MigrationSql files = apply(db, "users can read files in their own folder of bookings");
        assertTrue(files.upSql().contains("on \"storage\".\"objects\""), files.upSql());
    }

    @Test
    void anAmbiguousReachIsRefusedNeverPicked() throws Exception {
        DatabaseTarget db = clinic();
        Fixture.exec(db, "create table public.courses (id int primary key); create table public.enrollments (course_id int references public.courses(id), "
                + "student_id uuid references auth.users(id)); create table public.waitlist (course_id int references public.courses(id), student_id uuid references auth.users(id))");
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "students can see their courses"));
        assertTrue(e.getMessage().contains("enrollments") && e.getMessage().contains("waitlist"), e.getMessage());
    }
}
