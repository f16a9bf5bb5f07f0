package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.RepairStatus;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.core.api.model.UpOptions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ApplierTest {

    @Test
    void appliesPendingInOrderAndWritesBothHistoryTablesLikeTheSupabaseCli() {
        Project p = new Project();
        p.write("20250101000000_create_notes.sql", "create table public.notes (id int primary key);\n-- second\ninsert into public.notes values (1);\n");
        p.write("20250102000000_add_body.sql", "alter table public.notes add column body text;");
        ApplyResult r = p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(List.of("20250101000000", "20250102000000"), r.applied().stream().map(ApplyResult.Applied::version).toList());
        assertEquals(1, p.count("select count(*) from public.notes"));
        assertEquals("create_notes", p.text("select name from supabase_migrations.schema_migrations where version = '20250101000000'"));
        // split as the Supabase CLI splits it: the comment goes with the statement after it
        assertEquals("{\"create table public.notes (id int primary key)\",\"-- second\ninsert into public.notes values (1)\"}",
                p.text("select statements::text from supabase_migrations.schema_migrations where version = '20250101000000'"));
        assertEquals(2, p.count("select count(*) from pgpilot.migration_log where success and direction = 'up' and batch = 1 and applied_by = 'tester' and source = 'cli'"));
        StatusReport s = p.pilot().status();
        assertEquals(2, s.applied().size());
        assertTrue(s.pending().isEmpty());
    }

    @Test
    void pendingMigrationWithLintErrorsIsRefusedUnlessOverriddenAndTheOverrideIsRecorded() {
        Project p = new Project();
        p.write("20250101000000_notes.sql", "create table public.notes (id int primary key);");
        p.write("20250102000000_wipe.sql", "delete from public.notes;");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("20250102000000_wipe.sql:1") && e.getMessage().contains("ban-delete-without-where"), e.getMessage());
        assertFalse(p.tableExists("public.notes"), "nothing is applied when any pending file has lint errors");
        p.pilot().up(new UpOptions(null, false, false, true), ApplyListener.NONE);
        assertTrue(p.tableExists("public.notes"));
        assertEquals(1, p.count("select count(*) from pgpilot.migration_log where version = '20250102000000' and lint_override"));
    }

    @Test
    void secondUpFindsNothingPending() {
        Project p = new Project();
        p.write("20250101000000_one.sql", "create table public.one (id int);");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        ApplyResult again = p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertTrue(again.applied().isEmpty());
        assertEquals(1, p.count("select count(*) from pgpilot.migration_log"));
    }

    @Test
    void failedSecondStatementLeavesOnlyTheRecordedFailure() {
        Project p = new Project();
        p.write("20250101000000_ok.sql", "create table public.ok (id int);");
        p.write("20250102000000_broken.sql", "create table public.first (id int);\n\ninsert into public.first\n  values ('not a number');\ncreate table public.never (id int);\n");
        p.write("20250103000000_after.sql", "create table public.after (id int);");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("supabase/migrations/20250102000000_broken.sql:4"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid input syntax for type integer"), e.getMessage());
        assertTrue(p.tableExists("public.ok"));
        assertFalse(p.tableExists("public.first"));
        assertFalse(p.tableExists("public.never"));
        assertFalse(p.tableExists("public.after"), "the run stops at the failure");
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250102000000'"));
        assertEquals(4, p.count("select failed_line from pgpilot.migration_log where version = '20250102000000' and not success"));
        assertTrue(p.text("select error from pgpilot.migration_log where not success").contains("invalid input syntax"));
        assertEquals("insert into public.first\n  values ('not a number')", p.text("select failed_statement from pgpilot.migration_log where not success"));
    }

    @Test
    void anExtensionTheServerLacksIsNamedWithFileLineAndAHintAboutInstallingIt() {
        Project p = new Project();
        p.write("20250101000000_geo.sql", "create table public.a (id int);\ncreate extension if not exists pgpilot_absent_ext;\n");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_geo.sql:2: ERROR: extension \"pgpilot_absent_ext\" is not available"), e.getMessage());
        assertTrue(e.hint().contains("extension must be installed") || e.hint().contains("the embedded PostgreSQL has PostgreSQL's contrib extensions"), e.hint());
        assertFalse(p.tableExists("public.a"));
    }

    @Test
    void syntaxErrorIsMappedToTheLineOfTheServersPosition() {
        Project p = new Project();
        p.write("20250101000000_typo.sql", "create table public.a (id int);\ncreate table public.b (\n  id int,\n  name txet\n);\n");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_typo.sql:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("type \"txet\" does not exist"), e.getMessage());
    }

    @Test
    void beginCommitBlocksAreRecordedAsWrittenAndCommitBlockByBlockAsTheSupabaseCliDoes() {
        Project p = new Project();
        p.write("20250101000000_wrapped.sql", "create table public.w (id int);\nBEGIN;\ninsert into public.w values (1);\nCOMMIT;\n");
        p.write("20250102000000_wrapped_broken.sql", "begin;\ncreate table public.y (id int);\ncommit;\nbegin;\ninsert into public.y values ('x');\ncommit;\n");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250102000000_wrapped_broken.sql:5"), e.getMessage());
        assertEquals(1, p.count("select count(*) from public.w"));
        // the row records the whole file as the Supabase CLI would, BEGIN and COMMIT included
        assertEquals("{\"create table public.w (id int)\",BEGIN,\"insert into public.w values (1)\",COMMIT}",
                p.text("select statements::text from supabase_migrations.schema_migrations where version = '20250101000000'"));
        assertTrue(p.tableExists("public.y"), "the file's first COMMIT committed its first block, as with supabase db push");
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250102000000'"));
    }

    @Test
    void extensionTheServerDoesNotHaveFailsWithAHintNamingWhatToDo() {
        Project p = new Project();
        p.write("20250101000000_vectors.sql", "create extension if not exists no_such_extension_here;");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_vectors.sql:1"), e.getMessage());
        assertTrue(e.hint().contains("must be installed on that server"), e.hint());
    }

    @Test
    void modifiedAppliedFileBlocksUpUntilRepaired() {
        Project p = new Project();
        p.write("20250101000000_one.sql", "create table public.one (id int);");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        p.write("20250101000000_one.sql", "create table public.one (id bigint);");
        p.write("20250102000000_two.sql", "create table public.two (id int);");
        assertEquals(List.of(new StatusReport.Entry("20250101000000", "one")), p.pilot().status().modified());
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_one"), e.getMessage());
        assertTrue(e.hint().contains("repair"));
        assertFalse(p.tableExists("public.two"));
        p.pilot().repair("20250101000000", RepairStatus.APPLIED);
        assertTrue(p.pilot().status().modified().isEmpty());
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertTrue(p.tableExists("public.two"));
    }

    @Test
    void checksumIgnoresCrlfAndBom() {
        Project p = new Project();
        p.write("20250101000000_one.sql", "create table public.one (id int);\n-- note\n");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        p.write("20250101000000_one.sql", "\uFEFFcreate table public.one (id int);\r\n-- note\r\n");
        assertTrue(p.pilot().status().modified().isEmpty());
    }

    @Test
    void outOfOrderPendingVersionIsRefusedUnlessAllowed() {
        Project p = new Project();
        p.write("20250102000000_main.sql", "create table public.main (id int);");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        p.write("20250101000000_late_branch.sql", "create table public.late (id int);");
        assertEquals(List.of(new StatusReport.Entry("20250101000000", "late_branch")), p.pilot().status().outOfOrder());
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_late_branch"));
        assertTrue(e.hint().contains("--allow-out-of-order"));
        p.pilot().up(new UpOptions(null, false, true, false), ApplyListener.NONE);
        assertTrue(p.tableExists("public.late"));
    }

    @Test
    void toVersionStopsThereAndDryRunChangesNothing() {
        Project p = new Project();
        p.write("20250101000000_a.sql", "create table public.a (id int);");
        p.write("20250102000000_b.sql", "create table public.b (id int);");
        p.write("20250103000000_c.sql", "create table public.c (id int);");
        ApplyResult dry = p.pilot().up(new UpOptions(null, true, false, false), ApplyListener.NONE);
        assertEquals(3, dry.planned().size());
        assertTrue(dry.dryRun());
        assertFalse(p.tableExists("public.a"));
        assertFalse(p.tableExists("supabase_migrations.schema_migrations"));
        p.pilot().up(new UpOptions("20250102000000", false, false, true), ApplyListener.NONE);
        assertTrue(p.tableExists("public.b"));
        assertFalse(p.tableExists("public.c"));
        assertEquals(2, p.count("select count(*) from pgpilot.migration_log where lint_override"));
        assertThrows(PilotException.class, () -> p.pilot().up(new UpOptions("20990101000000", false, false, false), ApplyListener.NONE));
    }

    @Test
    void migrationBlockedByAnotherSessionFailsFastThenSucceedsOnceTheLockIsReleased() throws Exception {
        Project p = new Project("lock_timeout: 200ms\nlock_retries: 6\n");
        p.exec("create table public.busy (id int)");
        p.write("20250101000000_alter_busy.sql", "alter table public.busy add column note text;");
        List<Long> retries = new CopyOnWriteArrayList<>();
        try (Connection blocker = p.db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table public.busy in access exclusive mode");
            }
            Thread release = new Thread(() -> {
                while (retries.size() < 2) Applier.sleep(20);
                try {
                    blocker.rollback();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            p.pilot().up(UpOptions.all(), new ApplyListener() {
                @Override
                public void retrying(MigrationFile file, int attempt, long delayMillis, String message) {
                    assertTrue(message.contains("lock timeout"), message);
                    retries.add(delayMillis);
                }
            });
            release.join();
        }
        assertTrue(retries.size() >= 2);
        assertTrue(retries.get(1) > retries.get(0), "backoff grows");
        assertEquals(1, p.count("select count(*) from information_schema.columns where table_name = 'busy' and column_name = 'note'"));
    }

    @Test
    void lockTimeoutAfterTheLastRetryFailsNamingTheFile() throws Exception {
        Project p = new Project("lock_timeout: 100ms\nlock_retries: 1\n");
        p.exec("create table public.busy (id int)");
        p.write("20250101000000_alter_busy.sql", "alter table public.busy add column note text;");
        try (Connection blocker = p.db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table public.busy in access exclusive mode");
            }
            PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
            assertTrue(e.getMessage().contains("20250101000000_alter_busy.sql:1: ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)"), e.getMessage());
        }
    }

    @Test
    void failedConcurrentlyFileRecordsItsProgressAndAFixedFileStartsOverSafely() {
        Project p = new Project();
        p.write("20250101000000_t.sql", "create table public.t (id int, v int);");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        p.write("20250102000000_index_t.sql", "create index concurrently if not exists t_id on public.t (id);\n"
                + "create index concurrently t_v on public.t (v_missing);\n");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250102000000_index_t.sql:2"), e.getMessage());
        assertTrue(e.hint().contains("will be skipped"), e.hint());
        assertEquals(1, p.count("select statements_done from pgpilot.migration_progress where version = '20250102000000'"));
        p.exec("comment on index public.t_id is 'built by the first run'");
        p.write("20250102000000_index_t.sql", "create index concurrently if not exists t_id on public.t (id);\n"
                + "create index concurrently t_v on public.t (v);\n");
        // Progress is kept per checksum: the fixed file runs from its start, and IF NOT EXISTS keeps the
        // index built by the first run (its comment survives).
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertTrue(p.tableExists("public.t_v"));
        assertEquals("built by the first run", p.text("select obj_description('public.t_id'::regclass, 'pg_class')"));
        assertEquals(0, p.count("select count(*) from pgpilot.migration_progress"));
        assertEquals(1, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250102000000'"));
    }

    @Test
    void interruptedConcurrentlyFileResumesWithoutRerunningDoneStatements() {
        Project p = new Project();
        p.write("20250101000000_t.sql", "create table public.t (id int);");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        // The second statement fails until the table it needs exists; the first must not run twice
        // (it would fail: no IF NOT EXISTS).
        p.write("20250102000000_index_t.sql", "create index concurrently t_id on public.t (id);\n"
                + "create index concurrently u_id on public.u (id);\n");
        assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        p.exec("create table public.u (id int)");
        ApplyResult r = p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(1, r.applied().size());
        assertTrue(p.tableExists("public.u_id"));
        assertEquals(2, p.count("select count(*) from pgpilot.migration_log where version = '20250102000000'"));
    }

    @Test
    void versionAppliedByTheSupabaseCliCountsAsAppliedAndComparesStatements() {
        Project p = new Project();
        p.exec("create schema supabase_migrations; create table supabase_migrations.schema_migrations (version text not null primary key, statements text[], name text)");
        p.exec("insert into supabase_migrations.schema_migrations values ('20250101000000', '{\"create table public.cli (id int)\"}', 'cli'),"
                + " ('20250102000000', null, 'unknown')");
        p.write("20250101000000_cli.sql", "create table public.cli (id int);\n");
        p.write("20250102000000_unknown.sql", "select 1;");
        StatusReport s = p.pilot().status();
        assertEquals(2, s.applied().size());
        assertTrue(s.modified().isEmpty());
        p.write("20250101000000_cli.sql", "create table public.cli (id bigint);\n");
        assertEquals(List.of(new StatusReport.Entry("20250101000000", "cli")), p.pilot().status().modified());
    }

    @Test
    void appliedVersionWithoutFileIsReportedMissing() {
        Project p = new Project();
        p.write("20250101000000_gone.sql", "select 1;");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        p.migrations().resolve("20250101000000_gone.sql").toFile().delete();
        StatusReport s = p.pilot().status();
        assertEquals(List.of(new StatusReport.Entry("20250101000000", "gone")), s.missing());
        assertTrue(s.applied().isEmpty());
    }

    @Test
    void existingNewerSupabaseTableKeepsItsExtraColumns() {
        Project p = new Project();
        p.exec("create schema supabase_migrations; create table supabase_migrations.schema_migrations (version text not null primary key,"
                + " statements text[], name text, created_by text, idempotency_key text unique)");
        p.write("20250101000000_one.sql", "select 1;");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals("tester", p.text("select created_by from supabase_migrations.schema_migrations"));
        assertNull(p.text("select idempotency_key from supabase_migrations.schema_migrations"));
    }

    @Test
    void transactionPoolerUrlIsWarnedAboutBeforeConnecting() throws Exception {
        Project p = new Project();
        java.nio.file.Files.writeString(p.dir.resolve("pgpilot.yaml"), "");
        List<String> warnings = new CopyOnWriteArrayList<>();
        dev.pgpilot.core.api.Pilot pooled = new dev.pgpilot.core.api.Pilot(new dev.pgpilot.core.api.Pilot.Options(p.dir,
                "postgresql://postgres.ref:pw@127.0.0.1:6543/postgres", null, "cli", "tester"), java.time.Clock.systemUTC(), java.util.Map.of());
        assertThrows(PilotException.class, () -> pooled.up(new UpOptions(null, true, false, false), new ApplyListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("transaction-mode pooler"), warnings.get(0));
        assertFalse(warnings.get(0).contains("pw@"));
    }

    @Test
    void errorInsideADoBlockIsMappedToItsLineInTheFile() {
        Project p = new Project();
        p.write("20250101000000_do.sql", "create table public.d (id int);\n\ndo $$\nbegin\n  insert into public.d values (1);\n"
                + "  perform 1 / 0;\nend\n$$;\n");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_do.sql:6: ERROR: division by zero"), e.getMessage());
    }

    @Test
    void aMigrationRenamedToANewVersionIsRefusedInsteadOfRunningTwice() throws Exception {
        Project p = new Project();
        p.write("20250101000000_add_credits.sql", "create table if not exists public.wallets (id int);\ninsert into public.wallets values (1);\n");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        java.nio.file.Files.move(p.migrations().resolve("20250101000000_add_credits.sql"), p.migrations().resolve("20250301000000_add_credits.sql"));
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertEquals("a renamed migration would run a second time: 20250301000000_add_credits.sql has the content of 20250101000000_add_credits, already applied",
                e.getMessage());
        assertEquals(1, p.count("select count(*) from public.wallets"), "the insert did not run twice");
    }

    @Test
    void aConnectionLostMidMigrationIsReportedWithAHintAndTheFailedAttemptIsLogged() throws Exception {
        Project p = new Project();
        p.write("20250101000000_slow.sql", "create table public.slow (id int);\nselect pg_sleep(30);\n");
        Thread killer = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                Applier.sleep(50);
                if (p.count("select count(pg_terminate_backend(pid)) from pg_stat_activity where query like '%pg_sleep(30)%' and pid <> pg_backend_pid()"
                        + " and query not like '%pg_stat_activity%'") > 0) return;
            }
        });
        killer.start();
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        killer.join();
        assertTrue(e.getMessage().startsWith("lost the connection to "), e.getMessage());
        assertTrue(e.getMessage().contains("while applying supabase/migrations/20250101000000_slow.sql"), e.getMessage());
        assertTrue(e.hint() != null && e.hint().contains("nothing from 20250101000000_slow.sql was applied"), String.valueOf(e.hint()));
        assertFalse(p.tableExists("public.slow"));
        assertEquals(1, p.count("select count(*) from pgpilot.migration_log where version = '20250101000000' and not success and error like '%connection%'"));
    }

    @Test
    void aLockTimeoutOnTheLastRetryIsTheLastRunAndItsHintSaysTheFileIsFine() throws Exception {
        Project p = new Project("lock_timeout: 100ms\nlock_retries: 2\n");
        p.exec("create table public.busy (id int)");
        // Each try of the file takes a number first: a sequence, because the try's transaction rolls back.
        p.exec("create sequence public.tries");
        p.write("20250101000000_alter_busy.sql", "select nextval('public.tries');\nalter table public.busy add column note text;");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        try (Connection blocker = p.db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table public.busy in access exclusive mode");
            }
            PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), new ApplyListener() {
                @Override
                public void retrying(MigrationFile file, int attempt, long delayMillis, String message) {
                    attempts.add(attempt);
                }
            }));
            assertTrue(e.hint().contains("the file is fine"), e.hint());
            assertFalse(e.hint().contains("fix it"), e.hint());
        }
        assertEquals(List.of(1, 2), attempts);
        assertEquals(3, p.count("select last_value from public.tries"), "the first try and two retries, and no fourth run without backoff");
    }
}
