package dev.pgpilot.core.clicompat;

import static dev.pgpilot.core.clicompat.SupabaseCliSideBySideTest.assertNothingToDo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.SupabaseCli;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.drift.Drift;
import dev.pgpilot.core.drift.Reset;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which files are migrations, their versions and their order, as the real Supabase CLI
 * (supabase@2.117.0) decides them: pgpilot's status, up, reset and diff take the same files in the
 * same order, skip what the CLI skips, and refuse what it refuses.
 */
class SupabaseCliFileRulesTest {
    /** Short, unpadded and dated versions, and a .sql file that is not a migration. */
    private static CliProject oddlyNamedFolder() throws Exception {
        CliProject project = CliProject.create();
        Files.writeString(project.migration("1_a.sql"), "create table public.a (id int);\n");
        Files.writeString(project.migration("2_b.sql"), "create table public.b (id int);\n");
        Files.writeString(project.migration("10_c.sql"), "create table public.c (id int);\n");
        Files.writeString(project.migration("002_d.sql"), "create table public.d (id int);\n");
        Files.writeString(project.migration("20240101_001_dated.sql"), "create table public.dated (id int);\n");
        Files.writeString(project.migration("notes.sql"), "select 'scratch file, not a migration';\n");
        return project;
    }

    private static final Pattern CLI_APPLYING = Pattern.compile("Applying migration (\\S+)\\.\\.\\.");

    private static List<String> appliedByCli(SupabaseCli.Run run) {
        Matcher m = CLI_APPLYING.matcher(run.all());
        List<String> files = new java.util.ArrayList<>();
        while (m.find()) files.add(m.group(1));
        return files;
    }

    @Test
    void shortAndDatedVersionsGetTheCliVersionsAndOrderAndAStraySqlFileIsSkippedByBoth() throws Exception {
        CliProject byCli = oddlyNamedFolder();
        SupabaseCli.Run push = byCli.cli("db", "push", "--yes");
        assertTrue(push.all().contains("Skipping migration notes.sql"), push.all());
        List<String> cliOrder = appliedByCli(push);
        assertEquals(List.of("002_d.sql", "1_a.sql", "10_c.sql", "2_b.sql", "20240101_001_dated.sql"), cliOrder);
        assertNothingToDo(byCli.pilot());
        assertEquals(List.of(new StatusReport.Entry("20240101", "001_dated")),
                byCli.pilot().status().applied().stream().filter(e -> e.version().startsWith("2024")).toList());

        CliProject byPgpilot = byCli.onFreshDatabase();
        List<String> pgpilotOrder = byPgpilot.pilot().up(UpOptions.all(), ApplyListener.NONE).applied().stream()
                .map(a -> a.version() + "_" + a.name() + ".sql").toList();
        assertEquals(cliOrder, pgpilotOrder, "pgpilot applies the files in the CLI's order");
        assertEquals(byCli.rows(), byPgpilot.rows(), "the same history rows, whichever tool applied the folder");
        assertTrue(byPgpilot.cli("db", "push", "--dry-run").all().contains("Remote database is up to date."));
    }

    @Test
    void statusUpResetAndDiffTakeTheSameFilesInTheSameOrder() throws Exception {
        CliProject project = oddlyNamedFolder();
        Pilot p = project.pilot();
        List<String> pending = p.status().pending().stream().map(StatusReport.Entry::version).toList();
        assertEquals(List.of("002", "1", "10", "2", "20240101"), pending);
        assertEquals(pending, p.upPreview(UpOptions.all()).planned().stream().map(x -> x.version()).toList());
        assertEquals(pending, p.up(UpOptions.all(), ApplyListener.NONE).applied().stream().map(x -> x.version()).toList());
        var diff = Drift.check(p.migrations(), null, TestDatabase.server(), project.db()).diff();
        assertTrue(diff.isEmpty(), "diff replays the same files: " + diff.toText());

        Files.writeString(project.dir().resolve("pgpilot.yaml"), "environments:\n  ci:\n    url_env: DB_URL\n    resettable: true\n");
        Pilot ci = new Pilot(new Pilot.Options(project.dir(), null, "ci", "cli", "test"), Clock.systemUTC(),
                Map.of("DB_URL", TestDatabase.url(project.db())));
        assertEquals(pending.size(), ci.reset().applied());
        assertEquals(List.of("002", "1", "10", "2", "20240101"),
                project.strings("select version from supabase_migrations.schema_migrations order by version collate \"C\""));
        assertNothingToDo(p);
    }

    @Test
    void versionsTheDatabaseHasWithoutAFileRefuseUpAsTheCliRefusesPushAndNothingIsApplied() throws Exception {
        CliProject project = CliProject.create();
        Files.writeString(project.migration("20250101000000_one.sql"), "create table public.one (id int);\n");
        Files.writeString(project.migration("20250102000000_two.sql"), "create table public.two (id int);\n");
        project.pilot().up(UpOptions.all(), ApplyListener.NONE);
        Files.delete(project.migration("20250101000000_one.sql"));
        Files.writeString(project.migration("20250103000000_three.sql"), "create table public.three (id int);\n");

        SupabaseCli.Run push = project.cliMayFail("db", "push", "--yes");
        assertNotEquals(0, push.exit(), push.all());
        assertTrue(push.all().contains("supabase migration repair --status reverted 20250101000000"), push.all());

        for (boolean dryRun : List.of(true, false)) {
            PilotException e = assertThrows(PilotException.class, () -> project.pilot().up(
                    new UpOptions(null, dryRun, false, false), ApplyListener.NONE));
            assertEquals(PilotException.REFUSED, e.exitCode());
            assertEquals("the database has applied versions with no migration file here: 20250101000000_one", e.getMessage());
            assertEquals("pull the missing files (git pull), or if those versions were undone, forget them with"
                    + " `pgpilot repair VERSION --status reverted` for each (same as"
                    + " `supabase migration repair --status reverted 20250101000000`)", e.hint());
        }
        assertEquals(List.of("false"), project.strings("select (to_regclass('public.three') is not null)::text"), "nothing applied");

        project.pilot().repair("20250101000000", dev.pgpilot.core.api.model.RepairStatus.REVERTED);
        assertEquals(1, project.pilot().up(UpOptions.all(), ApplyListener.NONE).applied().size());
        assertTrue(project.cli("db", "push", "--dry-run").all().contains("Remote database is up to date."));
    }
}
