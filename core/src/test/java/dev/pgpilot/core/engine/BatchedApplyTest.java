package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.UpOptions;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Long files run in batches of statements (one round trip each); a failure still names its own line. */
class BatchedApplyTest {
    private static final int ROWS = 700; // three batches: 1 + 249, 250, 201 statements

    /** A table, then ROWS inserts with a comment line before every tenth; row {@code bad} breaks the check. Returns its line. */
    private static int writeInserts(Project p, int bad) {
        StringBuilder sql = new StringBuilder("create table public.rows (id int primary key check (id > 0));\n");
        int line = 2;
        int badLine = -1;
        for (int i = 1; i <= ROWS; i++) {
            if (i % 10 == 0) {
                sql.append("-- tenth row ").append(i).append('\n');
                line++;
            }
            if (i == bad) badLine = line;
            sql.append("insert into public.rows values (").append(i == bad ? -i : i).append(");\n");
            line++;
        }
        p.write("20250101000000_rows.sql", sql.toString());
        return badLine;
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {1, 249, 250, 437, 499, 500, ROWS})
    void aFailingStatementInsideABatchIsNamedByItsFileLineAndNothingOfTheFileIsApplied(int bad) {
        Project p = new Project();
        int line = writeInserts(p, bad);
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_rows.sql:" + line + ": ERROR: new row for relation \"rows\" violates check constraint"),
                e.getMessage());
        assertEquals(line, p.count("select failed_line from pgpilot.migration_log where not success"));
        assertEquals("insert into public.rows values (" + -bad + ")", p.text("select failed_statement from pgpilot.migration_log where not success"));
        assertFalse(p.tableExists("public.rows"), "the file's batches before the failure are rolled back with it");
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations"));
    }

    @Test
    void aFileOfSeveralBatchesAppliesEveryStatementOnceAndStoresThemAll() {
        Project p = new Project();
        writeInserts(p, -1);
        ApplyResult r = p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(ROWS + 1, r.applied().get(0).statements());
        assertEquals(ROWS, p.count("select count(*) from public.rows"));
        assertEquals(ROWS * (ROWS + 1L) / 2, p.count("select sum(id) from public.rows"));
        assertEquals(ROWS + 1, p.count("select cardinality(statements) from supabase_migrations.schema_migrations"));
    }

    @Test
    void aSyntaxErrorInALaterBatchIsMappedToTheLineOfTheServersPosition() {
        Project p = new Project();
        StringBuilder sql = new StringBuilder("create table public.a (id int);\n");
        for (int i = 0; i < 400; i++) sql.append("insert into public.a values (").append(i).append(");\n");
        // lines 402-405: the typo is on line 404
        sql.append("create table public.b (\n  id int,\n  name txet\n);\n");
        for (int i = 0; i < 10; i++) sql.append("insert into public.a values (").append(i).append(");\n");
        p.write("20250101000000_typo.sql", sql.toString());
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_typo.sql:404: ERROR: type \"txet\" does not exist"), e.getMessage());
    }

    @Test
    void anErrorInsideADoBlockInALaterBatchIsMappedToItsLineInsideTheBlock() {
        Project p = new Project();
        StringBuilder sql = new StringBuilder("create table public.d (id int);\n");
        for (int i = 0; i < 300; i++) sql.append("insert into public.d values (").append(i).append(");\n");
        // lines 302-307: the division is on line 305
        sql.append("do $$\nbegin\n  insert into public.d values (-1);\n  perform 1 / 0;\nend\n$$;\n");
        p.write("20250101000000_do.sql", sql.toString());
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_do.sql:305: ERROR: division by zero"), e.getMessage());
    }

    @Test
    void aLockTimeoutInALaterBatchOnTheLastRetryNamesTheBlockedStatementAndSaysTheFileIsFine() throws Exception {
        Project p = new Project("lock_timeout: 100ms\nlock_retries: 1\n");
        p.exec("create table public.busy (id int)");
        StringBuilder sql = new StringBuilder("create table public.mine (id int);\n");
        for (int i = 0; i < 520; i++) sql.append("insert into public.mine values (").append(i).append(");\n");
        sql.append("alter table public.busy add column note text;\n"); // line 522, in the third batch
        for (int i = 0; i < 5; i++) sql.append("insert into public.mine values (").append(i).append(");\n");
        p.write("20250101000000_busy.sql", sql.toString());
        try (Connection blocker = p.db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table public.busy in access exclusive mode");
            }
            PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
            assertTrue(e.getMessage().contains("20250101000000_busy.sql:522: ERROR: canceling statement due to lock timeout"), e.getMessage());
            assertTrue(e.hint().contains("the file is fine"), e.hint());
        }
        assertFalse(p.tableExists("public.mine"));
    }
}
