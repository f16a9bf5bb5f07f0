package dev.pgpilot.core.clicompat;

import static dev.pgpilot.core.clicompat.SupabaseCliSideBySideTest.assertNothingToDo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.SupabaseCli;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.DownOptions;
import dev.pgpilot.core.api.model.HistoryEntry;
import dev.pgpilot.core.api.model.RepairStatus;
import dev.pgpilot.core.api.model.ResetResult;
import dev.pgpilot.core.engine.History;
import dev.pgpilot.core.engine.Repair;
import dev.pgpilot.core.engine.Rollback;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.drift.Reset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resets with the real Supabase CLI (supabase@2.117.0) and with pgpilot on one folder: both run the
 * seed files of {@code supabase/config.toml} after the migrations and record them alike in
 * {@code supabase_migrations.seed_files}; pgpilot keeps working when the CLI's reset drops its own
 * {@code pgpilot} schema and only the shared history remains.
 */
class SupabaseCliResetTest {
    /** A migration, a CRLF seed.sql and two globbed seeds, configured in config.toml. */
    private static CliProject seededFolder() throws Exception {
        CliProject project = CliProject.create();
        Path supabase = project.dir().resolve("supabase");
        Files.writeString(supabase.resolve("config.toml"), """
                project_id = "seeded"

                [db]
                port = 54322
                major_version = 17

                [db.seed]
                enabled = true
                sql_paths = ["./seed.sql", "./seeds/*.sql"]
                """);
        Files.writeString(project.migration("20250101000000_create_notes.sql"), "create table public.notes (id int primary key, body text);\n");
        Files.write(supabase.resolve("seed.sql"), "insert into public.notes values (1, 'first\r\nline');\r\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(supabase.resolve("seeds"));
        Files.writeString(supabase.resolve("seeds/b.sql"), "insert into public.notes values (3, 'from b');\n");
        Files.writeString(supabase.resolve("seeds/a.sql"), "insert into public.notes values (2, 'from a');\n");
        return project;
    }

    /** pgpilot on the project's database as a resettable environment (reset refuses other remote targets). */
    private static Pilot resettable(CliProject project) throws Exception {
        Files.writeString(project.dir().resolve("pgpilot.yaml"), "environments:\n  ci:\n    url_env: DB_URL\n    resettable: true\n");
        return new Pilot(new Pilot.Options(project.dir(), null, "ci", "cli", "test"), Clock.systemUTC(),
                Map.of("DB_URL", TestDatabase.url(project.db())));
    }

    private static final String SEED_ROWS = "select path || ' ' || hash from supabase_migrations.seed_files order by path";
    private static final String NOTES = "select id || ' ' || body from public.notes order by id";

    @Test
    void afterTheCliResetSeedsTheFolderPgpilotSeesEveryMigrationApplied() throws Exception {
        CliProject project = seededFolder();
        SupabaseCli.Run reset = project.cli("db", "reset", "--yes");
        assertTrue(reset.all().contains("Seeding data from supabase/seeds/a.sql"), reset.all());
        assertEquals(3, project.strings(SEED_ROWS).size());
        assertNothingToDo(project.pilot());
    }

    @Test
    void pgpilotResetRunsTheSeedsAfterTheMigrationsAndRecordsThemExactlyAsTheCliDoes() throws Exception {
        CliProject byCli = seededFolder();
        byCli.cli("db", "reset", "--yes");

        CliProject byPgpilot = byCli.onFreshDatabase();
        ResetResult r = resettable(byPgpilot).reset();
        assertEquals(1, r.applied());
        assertEquals(List.of("supabase/seed.sql", "supabase/seeds/a.sql", "supabase/seeds/b.sql"), r.seeded());
        assertEquals(byCli.strings(SEED_ROWS), byPgpilot.strings(SEED_ROWS), "same paths and hashes in seed_files");
        assertEquals(byCli.strings(NOTES), byPgpilot.strings(NOTES), "same rows, the seed's CR included");
        assertEquals(byCli.strings("select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'supabase_migrations.seed_files'::regclass"),
                byPgpilot.strings("select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'supabase_migrations.seed_files'::regclass"));
        assertNothingToDo(byPgpilot.pilot());
        String list = byPgpilot.cli("migration", "list").out();
        assertTrue(list.contains("`20250101000000` | `20250101000000` |"), "the CLI lists the version on both sides: " + list);
        assertTrue(byPgpilot.cli("db", "push", "--dry-run").all().contains("Remote database is up to date."));
    }

    @Test
    void whenTheCliResetDropsThePgpilotSchemaEveryPgpilotCommandStillWorks() throws Exception {
        CliProject project = CliProject.create();
        Pilot p = project.pilot();
        Path first = p.write(p.plan("create table invoices with amount money")).get(0);
        p.up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(1, p.history().size());

        project.cli("db", "reset", "--yes");
        assertEquals(List.of("false"), project.strings("select (to_regnamespace('pgpilot') is not null)::text"), "the CLI's reset dropped it");

        assertNothingToDo(p);
        assertEquals(List.of(), p.history(), "the log went with the schema; the history table still says applied");
        Path second = p.write(p.plan("create table receipts with note text")).get(0);
        assertEquals(1, p.up(UpOptions.all(), ApplyListener.NONE).applied().size());
        List<HistoryEntry> log = p.history();
        assertEquals(1, log.size());
        assertTrue(second.getFileName().toString().startsWith(log.get(0).version()), log.toString());
        assertEquals(1, p.down(DownOptions.steps(1)).reverted().size());
        assertEquals(1, p.status().pending().size());
        assertTrue(p.repair(first.getFileName().toString().substring(0, 14), RepairStatus.APPLIED) != null);
        assertEquals(1, p.up(UpOptions.all(), ApplyListener.NONE).applied().size());
        assertNothingToDo(p);
    }
}
