package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.DownOptions;
import dev.pgpilot.core.api.model.DownResult;
import dev.pgpilot.core.api.model.HistoryEntry;
import dev.pgpilot.core.api.model.RepairResult;
import dev.pgpilot.core.api.model.RepairStatus;
import dev.pgpilot.core.api.model.Reverted;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.core.api.model.UpOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackAndRepairTest {

    private static Project twoWithDownScripts() {
        Project p = new Project();
        p.write("20250101000000_a.sql", "create table public.a (id int);");
        p.write("20250101000000_a.down.sql", "drop table public.a;");
        p.write("20250102000000_b.sql", "create table public.b (id int);");
        p.write("20250102000000_b.down.sql", "drop table public.b;");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        return p;
    }

    @Test
    void downRevertsTheNewestAndUpAppliesItAgain() {
        Project p = twoWithDownScripts();
        DownResult r = p.pilot().down(DownOptions.steps(1));
        assertEquals(List.of("20250102000000"), r.reverted().stream().map(Reverted::version).toList());
        assertFalse(p.tableExists("public.b"));
        assertTrue(p.tableExists("public.a"));
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250102000000'"));
        assertEquals("tester", p.text("select reverted_by from pgpilot.migration_log where version = '20250102000000' and direction = 'up'"));
        assertEquals(List.of(new StatusReport.Entry("20250102000000", "b")), p.pilot().status().pending());
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertTrue(p.tableExists("public.b"));
        assertTrue(p.pilot().status().modified().isEmpty());
    }

    @Test
    void downToVersionKeepsThatVersionApplied() {
        Project p = twoWithDownScripts();
        p.pilot().down(new DownOptions(null, "20250101000000"));
        assertTrue(p.tableExists("public.a"));
        assertFalse(p.tableExists("public.b"));
        p.pilot().down(DownOptions.steps(5));
        assertFalse(p.tableExists("public.a"));
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations"));
    }

    @Test
    void missingDownScriptRefusesAndChangesNothing() {
        Project p = twoWithDownScripts();
        p.write("20250103000000_c.sql", "create table public.c (id int);");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().down(DownOptions.steps(2)));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("no down script for 20250103000000_c.sql"), e.getMessage());
        assertTrue(p.tableExists("public.c"));
        assertTrue(p.tableExists("public.b"), "nothing runs when any script of the plan is missing");
        assertEquals(3, p.count("select count(*) from supabase_migrations.schema_migrations"));
    }

    @Test
    void failingDownScriptRollsBackAndKeepsTheVersionApplied() {
        Project p = twoWithDownScripts();
        p.write("20250102000000_b.down.sql", "drop table public.b;\ndrop table public.does_not_exist;");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().down(DownOptions.steps(1)));
        assertTrue(e.getMessage().contains("20250102000000_b.down.sql"), e.getMessage());
        assertTrue(p.tableExists("public.b"));
        assertEquals(1, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250102000000'"));
        assertEquals(1, p.count("select count(*) from pgpilot.migration_log where direction = 'down' and not success"));
    }

    @Test
    void repairRevertedForgetsTheVersionWithoutRunningSql() {
        Project p = twoWithDownScripts();
        RepairResult r = p.pilot().repair("20250102000000", RepairStatus.REVERTED);
        assertTrue(r.changed());
        assertTrue(p.tableExists("public.b"), "repair never runs migration SQL");
        assertEquals(List.of(new StatusReport.Entry("20250102000000", "b")), p.pilot().status().pending());
        assertFalse(p.pilot().repair("20250102000000", RepairStatus.REVERTED).changed());
    }

    @Test
    void repairAppliedMarksAPendingVersionAppliedWithoutRunningIt() {
        Project p = new Project();
        p.write("20250101000000_done_by_hand.sql", "create table public.by_hand (id int);");
        p.exec("create table public.by_hand (id int)");
        p.pilot().repair("20250101000000", RepairStatus.APPLIED);
        assertTrue(p.pilot().status().pending().isEmpty());
        assertEquals(0, p.pilot().up(UpOptions.all(), ApplyListener.NONE).applied().size());
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().repair("20990101000000", RepairStatus.APPLIED));
        assertEquals(PilotException.REFUSED, e.exitCode());
    }

    @Test
    void historyListsEveryAttemptWithWhoWhenAndResult() {
        Project p = new Project();
        p.write("20250101000000_a.sql", "create table public.a (id int);");
        p.write("20250101000000_a.down.sql", "drop table public.a;");
        p.write("20250102000000_bad.sql", "select 1/0;");
        assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        p.pilot().down(DownOptions.steps(1));
        List<HistoryEntry> h = p.pilot().history();
        assertEquals(List.of("up", "up", "down"), h.stream().map(HistoryEntry::direction).toList());
        assertEquals(List.of(true, false, true), h.stream().map(HistoryEntry::success).toList());
        assertTrue(h.get(1).error().contains("division by zero"));
        assertEquals(1, h.get(1).failedLine());
        assertNotNull(h.get(0).revertedAt());
        assertEquals("tester", h.get(2).appliedBy());
        assertEquals("cli", h.get(2).source());
    }

    @Test
    void historyOfAFreshDatabaseIsEmpty() {
        assertTrue(new Project().pilot().history().isEmpty());
    }

    @Test
    void downBehindALongTransactionGivesUpAfterLockTimeoutInsteadOfQueueingTrafficBehindIt() throws Exception {
        Project p = twoWithDownScripts();
        java.nio.file.Files.writeString(p.dir.resolve("pgpilot.yaml"), "lock_timeout: 300ms\n");
        try (java.sql.Connection reader = p.db.connect()) {
            reader.setAutoCommit(false);
            try (java.sql.Statement s = reader.createStatement()) {
                s.execute("select * from public.b"); // a long read transaction holds ACCESS SHARE on b
            }
            PilotException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> assertThrows(PilotException.class, () -> p.pilot().down(DownOptions.steps(1))),
                    "down waited for the lock without lock_timeout, and every query on public.b queued behind it");
            assertTrue(e.getMessage().contains("lock timeout"), e.getMessage());
            reader.rollback();
        }
        assertTrue(p.tableExists("public.b"), "the down script was rolled back");
    }

    @Test
    void downScriptWithoutStatementsIsRefusedBeforeAnythingRunsOrIsRecorded() {
        Project p = twoWithDownScripts();
        java.nio.file.Path blank = p.pilot().newEmpty("blank"); // the house template: its down script is a comment only
        p.write(blank.getFileName().toString(), "create table public.kept (id int);");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        long logged = p.count("select count(*) from pgpilot.migration_log");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().downPlan(DownOptions.steps(2)));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("has no statements") && e.getMessage().contains(blank.getFileName().toString()), e.getMessage());
        assertThrows(PilotException.class, () -> p.pilot().down(DownOptions.steps(2)));
        assertTrue(p.tableExists("public.kept"));
        assertTrue(p.tableExists("public.b"), "nothing of the plan runs");
        assertEquals(logged, p.count("select count(*) from pgpilot.migration_log"), "nothing is recorded as reverted");
        assertEquals(3, p.pilot().status().applied().size());
    }
}
