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
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import org.junit.jupiter.api.Test;

/**
 * Every kind of policy the planner writes, applied to a real database and exercised as real
 * roles (authenticated users A, B, C with their own JWT claims, and anon): each gets what the
 * request granted and nothing more, and nobody can write themselves into admins or memberships.
 */
class PolicySecurityTest {
    /** A small projects/tasks app: an owner, a membership table, tasks with an assignee who is not their owner. */
    private static final String APP = """
            create table public.projects (id uuid primary key, owner_id uuid not null references auth.users(id), name text not null,
              status text not null default 'active', archived boolean not null default false);
            create table public.project_members (project_id uuid not null references public.projects(id), user_id uuid not null references auth.users(id),
              role text not null default 'member', primary key (project_id, user_id));
            create table public.tasks (id uuid primary key default gen_random_uuid(), project_id uuid not null references public.projects(id),
              assignee_id uuid references auth.users(id), title text);
            insert into public.projects (id, owner_id, name, status, archived) values
              ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000000a', 'a1', 'active', false),
              ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-00000000000b', 'b1', 'done', true);
            insert into public.project_members (project_id, user_id) values ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000000a');
            insert into public.tasks (project_id, title) values ('00000000-0000-0000-0000-0000000000a1', 'in a1'), ('00000000-0000-0000-0000-0000000000b1', 'in b1');
            """;
    private static final String PA = "'00000000-0000-0000-0000-0000000000a1'";
    private static final String PB = "'00000000-0000-0000-0000-0000000000b1'";

    private static DatabaseTarget app() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Fixture.exec(db, APP);
        return db;
    }

    private static MigrationSql apply(DatabaseTarget db, String request) throws Exception {
        MigrationSql m = RoundTripTest.plan(db, request);
        Fixture.exec(db, m.upSql());
        return m;
    }

    @Test
    void aNewTablesOwnerPoliciesLetTheOwnerInAndKeepEveryoneElseOut() throws Exception {
        DatabaseTarget db = app();
        apply(db, "create table notes with user_id, body text");
        assertEquals(1, AsRole.rows(db, A, "insert into notes (user_id, body) values ('" + A + "', 'mine')"));
        assertTrue(AsRole.refused(db, A, "insert into notes (user_id, body) values ('" + B + "', 'as b')"), "A cannot insert a row owned by B");
        assertEquals(1, AsRole.rows(db, A, "select * from notes"));
        assertEquals(0, AsRole.rows(db, B, "select * from notes"));
        assertEquals(0, AsRole.rows(db, B, "update notes set body = 'b was here'"));
        assertEquals(0, AsRole.rows(db, B, "delete from notes"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from notes"));
        assertTrue(AsRole.refused(db, A, "update notes set user_id = '" + B + "'"), "A cannot hand the row to B");
    }

    @Test
    void ownPoliciesNeverLandOnAnAssigneeColumn() throws Exception {
        DatabaseTarget db = app();
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "users can read their own tasks"));
        assertEquals("table tasks has no owner column (user_id, owner_id, created_by, author_id, or an id referencing auth.users); "
                + "assignee_id references auth.users but does not say who owns a row", e.getMessage());
        MigrationSql m = apply(db, "create table reviews with reviewer_id references auth.users and body text");
        assertFalse(m.upSql().contains("create policy"), m.upSql());
        assertEquals(0, AsRole.rows(db, A, "select * from reviews"));
    }

    @Test
    void nobodyCanInsertThemselvesIntoANewAdminsTable() throws Exception {
        DatabaseTarget db = app();
        apply(db, "create table admins with user_id references auth.users");
        assertTrue(AsRole.refused(db, A, "insert into admins (user_id) values ('" + A + "')"), "a user made themselves admin");
        Fixture.exec(db, "insert into admins (user_id) values ('" + A + "')");
        assertEquals(0, AsRole.rows(db, A, "update admins set user_id = '" + B + "'"), "A handed admin to B");
        assertEquals(1, AsRole.rows(db, A, "select * from admins"), "an admin sees their own row");
        assertEquals(0, AsRole.rows(db, B, "select * from admins"));
    }

    @Test
    void nobodyCanJoinAProjectOrPickTheirRole() throws Exception {
        DatabaseTarget db = app();
        apply(db, "create table team_memberships with user_id references auth.users, project_id references projects and role text");
        assertTrue(AsRole.refused(db, B, "insert into team_memberships (user_id, project_id, role) values ('" + B + "', " + PA + ", 'owner')"));
        for (String request : new String[] {"users can create their own project_members", "members can update project_members", "users can add their own team_memberships"}) {
            PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, request), request);
            assertTrue(e.getMessage().startsWith("refusing "), e.getMessage());
        }
    }

    @Test
    void onlyAdminsCanDeleteRestrictsTheOwnersDeletePolicyAndTheDownRestoresIt() throws Exception {
        DatabaseTarget db = app();
        Fixture.exec(db, "create table public.admins (user_id uuid primary key references auth.users(id)); insert into public.admins values ('" + A + "')");
        apply(db, "users can delete their own projects");
        apply(db, "admins can read projects"); // a DELETE with a WHERE reads the rows first
        MigrationSql only = apply(db, "only admins can delete projects");
        assertTrue(only.upSql().contains("now restricted: projects_delete_own"), only.upSql());
        assertEquals(0, AsRole.rows(db, B, "delete from projects where id = " + PB), "B owns b1 but is not an admin");
        assertEquals(0, AsRole.rows(db, ANON, "delete from projects"));
        Fixture.exec(db, "delete from tasks; delete from project_members");
        assertEquals(1, AsRole.rows(db, A, "delete from projects where id = " + PB), "the admin deletes");
        Fixture.exec(db, only.downSql());
        assertEquals(1, AsRole.rows(db, A, "delete from projects where id = " + PA), "after the down the owner's policy alone decides again");
    }

    @Test
    void withoutAnAdminsTableTheRefusalSaysHowToAddOneSafely() throws Exception {
        DatabaseTarget db = app();
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "only admins can delete projects"));
        assertEquals("no admin table found (a table named like admins with a user_id column)", e.getMessage());
        assertEquals("create it first: \"create table admins with user_id references auth.users\" (pgpilot gives it no policy that lets users add themselves; "
                + "add admins with the service role)", e.hint());
    }

    @Test
    void conditionalReadsShowOnlyTheRowsTheConditionNames() throws Exception {
        DatabaseTarget db = app();
        apply(db, "signed-in users can read projects where status is 'active'");
        assertEquals(1, AsRole.rows(db, B, "select * from projects"), "B reads the active project, not their own done one");
        assertEquals(0, AsRole.rows(db, ANON, "select * from projects"));
        assertEquals(0, AsRole.rows(db, B, "update projects set name = 'x'"));
        DatabaseTarget flag = app();
        apply(flag, "anyone can read projects that are not archived");
        assertEquals(1, AsRole.rows(flag, ANON, "select * from projects where name = 'a1'"));
        assertEquals(0, AsRole.rows(flag, ANON, "select * from projects where name = 'b1'"));
    }

    @Test
    void membersOfAProjectReachItsTasksAndNoOtherProjects() throws Exception {
        DatabaseTarget db = app();
        apply(db, "members of a project can read its tasks");
        assertEquals(1, AsRole.rows(db, A, "select * from tasks"));
        assertEquals(0, AsRole.rows(db, C, "select * from tasks"));
        apply(db, "members can create tasks in their project");
        assertEquals(1, AsRole.rows(db, A, "insert into tasks (project_id, title) values (" + PA + ", 'new')"));
        assertTrue(AsRole.refused(db, A, "insert into tasks (project_id, title) values (" + PB + ", 'not mine')"));
        assertTrue(AsRole.refused(db, C, "insert into tasks (project_id, title) values (" + PA + ", 'not a member')"));
    }

    @Test
    void usersUploadOnlyToTheirOwnFolderOfThatBucket() throws Exception {
        DatabaseTarget db = app();
        Fixture.exec(db, "insert into storage.buckets (id, name) values ('avatars', 'avatars'), ('other', 'other')");
        apply(db, "users can upload to their own folder in the avatars bucket");
        apply(db, "users can read files in their own folder in the avatars bucket");
        assertEquals(1, AsRole.rows(db, A, "insert into storage.objects (bucket_id, name) values ('avatars', '" + A + "/me.png')"));
        assertTrue(AsRole.refused(db, A, "insert into storage.objects (bucket_id, name) values ('avatars', '" + B + "/me.png')"));
        assertTrue(AsRole.refused(db, A, "insert into storage.objects (bucket_id, name) values ('other', '" + A + "/me.png')"));
        assertTrue(AsRole.refused(db, ANON, "insert into storage.objects (bucket_id, name) values ('avatars', 'x/me.png')"));
        assertEquals(1, AsRole.rows(db, A, "select * from storage.objects"));
        assertEquals(0, AsRole.rows(db, B, "select * from storage.objects"));
        assertEquals(0, AsRole.rowsThroughStorageApi(db, B, "delete from storage.objects"));
    }

    @Test
    void aRoleTheSchemaNamesInAColumnGetsItsOwnRowsAndNoOthers() throws Exception {
        DatabaseTarget db = app();
        Fixture.exec(db, "update tasks set assignee_id = '" + B + "' where title = 'in b1'");
        apply(db, "assignees can read their tasks");
        assertEquals(1, AsRole.rows(db, B, "select * from tasks"));
        assertEquals(0, AsRole.rows(db, A, "select * from tasks"), "A owns project a1 but is assigned nothing");
        assertEquals(0, AsRole.rows(db, ANON, "select * from tasks"));
    }

    @Test
    void onlyProjectAdminsMeansMembersWhoseRoleIsAdminOfThatProject() throws Exception {
        DatabaseTarget db = app();
        Fixture.exec(db, "insert into project_members (project_id, user_id, role) values (" + PA + ", '" + B + "', 'admin'), (" + PB + ", '" + C + "', 'member')");
        apply(db, "project admins can read tasks");
        apply(db, "only project admins can delete tasks");
        assertEquals(0, AsRole.rows(db, A, "delete from tasks"), "A is a plain member");
        assertEquals(0, AsRole.rows(db, C, "delete from tasks"), "C is a plain member of b1");
        assertEquals(1, AsRole.rows(db, B, "delete from tasks"), "B is admin of a1 and deletes its one task");
        assertEquals("in b1", Fixture.query(db, "select string_agg(title, ',') from tasks"), "b1's task stays");
    }

    @Test
    void anAdminsTableUnderRlsWithNoSelectPolicyGetsASelectOwnPolicySoTheLookupWorks() throws Exception {
        DatabaseTarget db = app();
        Fixture.exec(db, "create table public.admins (user_id uuid primary key references auth.users(id)); alter table public.admins enable row level security; "
                + "insert into public.admins values ('" + C + "')");
        MigrationSql m = apply(db, "admins can read projects");
        assertTrue(m.upSql().contains("\"admins_select_own\""), m.upSql());
        assertEquals(2, AsRole.rows(db, C, "select * from projects"));
        assertEquals(0, AsRole.rows(db, A, "select * from projects"));
        assertEquals(0, AsRole.rows(db, A, "select * from admins"), "A sees no admin rows");
    }
}
