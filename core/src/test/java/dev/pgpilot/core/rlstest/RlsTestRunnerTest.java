package dev.pgpilot.core.rlstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.RlsStepResult;
import dev.pgpilot.core.api.model.RlsTestResult;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.catalog.MigrationReplay;
import dev.pgpilot.core.workspace.Workspace;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RlsTestRunnerTest {
    static DatabaseTarget db;
    static Path dir;

    @BeforeAll
    static void database() throws Exception {
        dir = Files.createTempDirectory("pgpilot-rls");
        Path migrations = Files.createDirectories(dir.resolve("supabase/migrations"));
        for (String f : List.of("20240101000000_notes.sql", "20240102000000_functions.sql")) {
            try (InputStream in = RlsTestRunnerTest.class.getResourceAsStream("/drift/" + f)) {
                Files.write(migrations.resolve(f), in.readAllBytes());
            }
        }
        db = TestDatabase.fresh();
        MigrationReplay.commit(db, Workspace.open(dir).migrations(), null);
    }

    static RlsTestFile resource(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = RlsTestRunnerTest.class.getResourceAsStream("/rlstest/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return RlsTestFile.load(p);
    }

    @Test
    void ownerPoliciesPassEveryStepAndLeaveNothingBehind() throws Exception {
        RlsTestResult r = RlsTestRunner.run(db, List.of(resource("notes_owner.yaml"))).get(0);
        assertTrue(r.passed(), r.toString());
        assertEquals(7, r.steps().size());
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from public.notes")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the file's transaction is rolled back");
        }
    }

    @Test
    void wrongExpectationsFailEachWithItsReason() throws Exception {
        RlsTestResult r = RlsTestRunner.run(db, List.of(resource("notes_wrong_expectations.yaml"))).get(0);
        assertFalse(r.passed());
        List<RlsStepResult> s = r.steps();
        assertEquals("expected 1 row(s), got 0", s.get(0).reason());
        assertEquals("expected permission denied, but the query succeeded (1 row(s))", s.get(1).reason());
        assertEquals("expected rows [{title=bob 1}], got [{title=ann 1}]", s.get(2).reason());
        assertTrue(s.get(3).reason().startsWith("query failed: ERROR: column \"nope\" does not exist"), s.get(3).reason());
        assertTrue(s.get(4).passed(), "a failed step does not poison the ones after it: " + s.get(4).reason());
        assertNull(s.get(4).reason());
    }

    @Test
    void missingGrantIsAPermissionErrorAndRlsViolationToo() throws Exception {
        Path p = dir.resolve("grant.yaml");
        Files.writeString(p, """
                name: grants
                setup: revoke insert on public.notes from authenticated
                steps:
                  - name: no insert grant
                    as: {role: authenticated, user: 11111111-1111-1111-1111-111111111111}
                    sql: insert into public.notes (owner, title) values ('11111111-1111-1111-1111-111111111111', 'x')
                    expect: {error: permission_denied}
                  - name: an error that is not a permission error does not pass
                    as: {role: authenticated, user: 11111111-1111-1111-1111-111111111111}
                    sql: select 1/0
                    expect: {error: permission_denied}
                """);
        RlsTestResult r = RlsTestRunner.run(db, List.of(RlsTestFile.load(p))).get(0);
        assertTrue(r.steps().get(0).passed(), r.toString());
        assertEquals("expected permission denied, got: ERROR: division by zero", r.steps().get(1).reason());
    }

    @Test
    void failingSetupIsReportedNotThrown() throws Exception {
        Path p = dir.resolve("setup.yaml");
        Files.writeString(p, "name: s\nsetup: insert into nowhere values (1)\nsteps:\n  - {name: a, as: {role: anon}, sql: select 1, expect: {rows: 1}}\n");
        RlsTestResult r = RlsTestRunner.run(db, List.of(RlsTestFile.load(p))).get(0);
        assertFalse(r.passed());
        assertTrue(r.setupError().contains("relation \"nowhere\" does not exist"), r.setupError());
    }

    @Test
    void badFileNamesTheFileAndTheStep() throws Exception {
        Path p = dir.resolve("bad.yaml");
        Files.writeString(p, "name: b\nsteps:\n  - {name: x, as: {role: admin}, sql: select 1, expect: {rows: 1}}\n");
        PilotException e = assertThrows(PilotException.class, () -> RlsTestFile.load(p));
        assertTrue(e.getMessage().contains("bad.yaml: steps[1] (x): as.role 'admin' is not one of"), e.getMessage());
        Files.writeString(p, "name: b\nsteps:\n  - {name: x, as: {role: anon}, sql: select 1, expect: {count: 1}}\n");
        e = assertThrows(PilotException.class, () -> RlsTestFile.load(p));
        assertTrue(e.getMessage().contains("expect must be"), e.getMessage());
    }

    @Test
    void stepsCarryEmailAppMetadataAndAalClaimsThatPoliciesRead() throws Exception {
        Path p = dir.resolve("claims.yaml");
        Files.writeString(p, """
                name: claims reach the policies
                setup: |
                  create table public.admin_notes (id int, body text);
                  alter table public.admin_notes enable row level security;
                  grant select on public.admin_notes to authenticated;
                  create policy "admins with mfa from the company" on public.admin_notes for select to authenticated
                    using (auth.jwt() -> 'app_metadata' ->> 'role' = 'admin' and auth.jwt() ->> 'aal' = 'aal2'
                           and auth.email() like '%@example.com');
                  insert into public.admin_notes values (1, 'secret');
                steps:
                  - name: an admin with MFA sees the note
                    as: {role: authenticated, user: 11111111-1111-1111-1111-111111111111, email: ada@example.com,
                         claims: {app_metadata: {role: admin}, aal: aal2}}
                    sql: select body from public.admin_notes
                    expect: {rows: 1}
                  - name: the same admin without MFA does not
                    as: {role: authenticated, user: 11111111-1111-1111-1111-111111111111, email: ada@example.com,
                         claims: {app_metadata: {role: admin}, aal: aal1}}
                    sql: select body from public.admin_notes
                    expect: {rows: 0}
                  - name: a non-admin does not
                    as: {role: authenticated, user: 22222222-2222-2222-2222-222222222222, email: bo@example.com,
                         claims: {app_metadata: {role: member}, aal: aal2}}
                    sql: select body from public.admin_notes
                    expect: {rows: 0}
                """);
        RlsTestResult r = RlsTestRunner.run(db, List.of(RlsTestFile.load(p))).get(0);
        assertTrue(r.passed(), r.toString());
        assertEquals(3, r.steps().size());
    }

    @Test
    void unknownKeysUnderAsAreRefusedInsteadOfIgnored() throws Exception {
        Path p = dir.resolve("as.yaml");
        Files.writeString(p, "name: b\nsteps:\n  - {name: x, as: {role: authenticated, mail: a@b.c}, sql: select 1, expect: {rows: 1}}\n");
        PilotException e = assertThrows(PilotException.class, () -> RlsTestFile.load(p));
        assertEquals(p + ": steps[1] (x): as: unknown key 'mail' (expected one of claims, email, role, user)", e.getMessage());
        Files.writeString(p, "name: b\nsteps:\n  - {name: x, as: {role: anon, claims: {role: service_role}}, sql: select 1, expect: {rows: 1}}\n");
        e = assertThrows(PilotException.class, () -> RlsTestFile.load(p));
        assertEquals(p + ": steps[1] (x): as.claims.role is set by as.role", e.getMessage());
    }
}
