package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.InternalAccess;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.render.MigrationRenderer;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new migration is planned against the schema as it will be after the pending (written, not
 * applied) ones, and its down script never drops the shared set_updated_at() another migration
 * still needs.
 */
class PendingMigrationsTest {
    @TempDir Path work;

    private Pilot pilot(DatabaseTarget db) {
        return new Pilot(new Pilot.Options(work, db.display(), null, "cli", "test"), Clock.systemUTC(), Map.of());
    }

    @Test
    void aPendingMigrationsFunctionIsNotDroppedByTheNextOnesDown() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Pilot pilot = pilot(db);
        Plan first = pilot.plan("create table invoices with amount money");
        assertTrue(first.migration().upSql().contains("function public.set_updated_at"), first.migration().upSql());
        Path a = pilot.write(first).get(0);
        Plan second = pilot.plan("create table receipts with note text");
        String down = second.migration().downSql();
        assertFalse(down.contains("drop function"), down);
        assertEquals("f", Fixture.query(db, "select to_regclass('public.invoices') is not null"), "planning applies nothing");

        // apply both, revert the second: invoices' trigger still has its function
        Fixture.exec(db, Files.readString(a));
        Fixture.exec(db, second.migration().upSql());
        Fixture.exec(db, down);
        assertEquals("t", Fixture.query(db, "select to_regprocedure('public.set_updated_at()') is not null"));
        Fixture.exec(db, "insert into invoices (amount) values (1); update invoices set amount = 2");
    }

    /**
     * The hivecom shape: a pending file commits new enum values itself (BEGIN; ALTER TYPE ... ADD VALUE;
     * COMMIT;) and then uses them, which no transaction that is rolled back afterwards can do
     * (55P04). The plan still sees what that file makes, and nothing stays on the target.
     */
    @Test
    void aPendingFileThatCommitsNewEnumValuesAndThenUsesThemIsPlannedAgainst() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Pilot pilot = pilot(db);
        Path dir = Files.createDirectories(work.resolve("supabase/migrations"));
        Files.writeString(dir.resolve("20240101000000_moods.sql"), "create type public.mood as enum ('ok');\n");
        pilot.up(dev.pgpilot.core.api.model.UpOptions.all(), dev.pgpilot.core.api.model.ApplyListener.NONE);
        Files.writeString(dir.resolve("20240102000000_sad.sql"), """
                begin;
                alter type public.mood add value 'sad';
                commit;
                begin;
                create table public.feelings (id bigint primary key, mood public.mood not null default 'sad');
                create function public.saddest() returns public.mood language sql as $$ select 'sad'::public.mood $$;
                commit;
                """);
        Plan next = pilot.plan("add note text to feelings");
        assertTrue(next.migration().upSql().contains("alter table \"public\".\"feelings\" add column if not exists \"note\" text;"), next.migration().upSql());
        assertEquals(java.util.List.of("ok", "sad"), InternalAccess.catalog(pilot).findEnum("mood").orElseThrow().values());
        assertEquals("true|ok", Fixture.query(db, "select (to_regclass('public.feelings') is null)::text || '|' || string_agg(enumlabel, ',')"
                + " from pg_enum where enumtypid = 'public.mood'::regtype"), "planning applies nothing");
    }

    @Test
    void aTableCreatedByAPendingMigrationCanBeChangedNext() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Pilot pilot = pilot(db);
        pilot.write(pilot.plan("create table invoices with amount money"));
        Plan next = pilot.plan("add note text to invoices");
        assertTrue(next.migration().upSql().contains("alter table \"public\".\"invoices\" add column if not exists \"note\" text;"), next.migration().upSql());
    }

    @Test
    void aTableLockedOnTheTargetFailsPlanningFastWithAHintInsteadOfWaiting() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Pilot pilot = pilot(db);
        pilot.write(pilot.plan("add note text to orders"));
        try (java.sql.Connection busy = db.connect(); java.sql.Statement s = busy.createStatement()) {
            busy.setAutoCommit(false);
            s.execute("lock table public.orders in access exclusive mode");
            dev.pgpilot.core.PilotException e = org.junit.jupiter.api.Assertions.assertThrows(dev.pgpilot.core.PilotException.class,
                    () -> pilot.plan("add tracking text to orders"));
            assertTrue(e.getMessage().contains("waits for a lock"), e.getMessage());
            assertTrue(e.hint().contains("--offline"), e.hint());
            busy.rollback();
        }
    }

    @Test
    void theDownOfATableDropsTheSharedFunctionOnlyWhenNoTriggerStillUsesIt() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        // planned as if the function were new (a stale catalog): the down must still keep it for products
        MigrationSql m = new MigrationRenderer().render(new RequestParser(Fixture.catalog(db)).parse("create table invoices with amount money"), Instant.EPOCH).get(0);
        MigrationSql other = new MigrationRenderer().render(new RequestParser(Fixture.catalog(db)).parse("keep products updated_at current"), Instant.EPOCH).get(0);
        Fixture.exec(db, other.upSql());
        Fixture.exec(db, m.upSql());
        Fixture.exec(db, m.downSql());
        assertEquals("t", Fixture.query(db, "select to_regprocedure('public.set_updated_at()') is not null"));
        Fixture.exec(db, other.downSql());
        assertEquals("t", Fixture.query(db, "select to_regprocedure('public.set_updated_at()') is null"), other.downSql());
    }

    @Test
    void withoutADatabaseTheCatalogIsTheOneTheMigrationsDescribe() throws Exception {
        Path dir = Files.createDirectories(work.resolve("supabase/migrations"));
        Files.writeString(dir.resolve("20250101000000_base.sql"), "create table public.orders (id uuid primary key, total numeric(12,2));\n");
        Files.writeString(dir.resolve("20250102000000_more.sql"), "alter table public.orders add column status text;\n");
        Catalog c = PendingCatalog.fromMigrations(TestDatabase.server(), Workspace.open(work).migrations());
        assertEquals("text", c.table("orders").column("status").orElseThrow().type());
        String up = new MigrationRenderer().render(new RequestParser(c).parse("add notes text to orders"), Instant.EPOCH).get(0).upSql();
        assertTrue(up.contains("\"orders\" add column if not exists \"notes\" text;"), up);
    }
}
