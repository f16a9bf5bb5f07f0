package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.UpOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * CREATE INDEX CONCURRENTLY interrupted for real: an open transaction that wrote to the table makes
 * the build wait, lock_timeout cancels it, and PostgreSQL leaves the index behind INVALID (it stays
 * in the catalog, unused by queries, still maintained on writes). IF NOT EXISTS on the retry then
 * skips it, so the file looked applied while the index never worked.
 */
class ConcurrentIndexTest {
    private static final String FILE = "20250101000000_orders_index.sql";

    private static Project busyTable() {
        Project p = new Project("lock_timeout: 300ms\nlock_retries: 2\n");
        p.exec("create table public.orders (id int primary key, customer int); insert into public.orders select g, g % 10 from generate_series(1, 1000) g");
        p.write(FILE, "create index concurrently if not exists orders_customer_idx on public.orders (customer);\n");
        return p;
    }

    /** A writer's open transaction on the table: CREATE INDEX CONCURRENTLY waits for it, then times out. */
    private static Connection openWriter(Project p) throws SQLException {
        Connection writer = p.db.connect();
        writer.setAutoCommit(false);
        try (Statement s = writer.createStatement()) {
            s.execute("insert into public.orders values (100000, 1)");
        }
        return writer;
    }

    @Test
    void anIndexBuildInterruptedByALockTimeoutIsRebuiltValidOnTheRetry() throws Exception {
        Project p = busyTable();
        try (Connection writer = openWriter(p)) {
            p.pilot().up(UpOptions.all(), new ApplyListener() {
                @Override
                public void retrying(MigrationFile file, int attempt, long delayMillis, String message) {
                    try {
                        writer.commit(); // the blocker goes away after the first interrupted build
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        assertEquals(1, p.count("select count(*) from pg_index where indexrelid = 'public.orders_customer_idx'::regclass and indisvalid"),
                "the index the history calls applied is valid");
        assertEquals(0, p.count("select count(*) from pg_index where indrelid = 'public.orders'::regclass and not indisvalid"));
        assertEquals(1, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250101000000'"));
    }

    @Test
    void anIndexLeftInvalidByAnEarlierRunIsDroppedAndBuiltAgain() throws Exception {
        Project p = busyTable();
        // An earlier tool (or a killed run) left the index invalid: the same interrupted build, by hand.
        try (Connection writer = openWriter(p); Connection c = p.db.connect(); Statement s = c.createStatement()) {
            s.execute("set lock_timeout = '200ms'");
            assertThrows(SQLException.class, () -> s.execute("create index concurrently orders_customer_idx on public.orders (customer)"));
            writer.rollback();
        }
        assertEquals(1, p.count("select count(*) from pg_index where indexrelid = 'public.orders_customer_idx'::regclass and not indisvalid"));
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(1, p.count("select count(*) from pg_index where indexrelid = 'public.orders_customer_idx'::regclass and indisvalid"));
    }

    @Test
    void anIndexThatStaysBlockedFailsNamingItsInvalidLeftoverAndAPlainUpThenBuildsIt() throws Exception {
        Project p = busyTable();
        try (Connection writer = openWriter(p)) {
            PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
            assertTrue(e.getMessage().contains(FILE + ":1"), e.getMessage());
            assertTrue(e.hint().contains("left public.orders_customer_idx INVALID: the next `pgpilot up` drops it and builds it again"), e.hint());
            assertTrue(e.hint().contains("the statement is fine"), e.hint());
            writer.rollback();
        }
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250101000000'"),
                "not recorded as applied");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(1, p.count("select count(*) from pg_index where indexrelid = 'public.orders_customer_idx'::regclass and indisvalid"));
        assertEquals(0, p.count("select count(*) from pg_index where indrelid = 'public.orders'::regclass and not indisvalid"));
    }
}
