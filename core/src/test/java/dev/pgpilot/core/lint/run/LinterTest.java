package dev.pgpilot.core.lint.run;

import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.LintFailure;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.model.ReportFormat;
import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.MigrationFolder;
import dev.pgpilot.core.lint.Rule;
import dev.pgpilot.core.lint.SchemaManifest;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {
    private static final String NAME = "20240101120000_cleanup.sql";
    private final Linter linter = new Linter(Config.defaults());

    private static List<String> ids(LintReport r) {
        return r.findings().stream().map(f -> f.ruleId() + "@" + f.line()).toList();
    }

    @Test
    void ignoreCommentSilencesTheNamedRuleOnTheNextStatementOnly() {
        String sql = "-- header\n-- pgpilot:ignore ban-truncate cleaning fixtures in dev only\ntruncate public.a;\ntruncate public.b;\n";
        LintReport r = linter.lintSql(NAME, sql, SchemaModel.empty());
        assertEquals(List.of("ban-truncate@4"), ids(r).stream().filter(x -> x.startsWith("ban-truncate")).toList());
        assertFalse(ids(r).stream().anyMatch(x -> x.startsWith("unused-ignore")));
    }

    @Test
    void ignoreFileSilencesTheRuleEverywhereInTheFile() {
        String sql = "-- header\n-- pgpilot:ignore-file ban-truncate\ntruncate public.a;\ntruncate public.b;\n";
        LintReport r = linter.lintSql(NAME, sql, SchemaModel.empty());
        assertTrue(ids(r).stream().noneMatch(x -> x.startsWith("ban-truncate") || x.startsWith("unused-ignore")), ids(r).toString());
    }

    @Test
    void anIgnoreThatSuppressesNothingIsReportedOnItsOwnLine() {
        String sql = "-- header\n-- pgpilot:ignore ban-truncate not needed\ncreate schema if not exists app;\n-- pgpilot:ignore no-such-rule\ncreate schema if not exists b;\n";
        LintReport r = linter.lintSql(NAME, sql, SchemaModel.empty());
        assertEquals(List.of("unused-ignore@2", "unused-ignore@4"), ids(r).stream().filter(x -> x.startsWith("unused-ignore")).toList());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("unknown rule: no-such-rule")));
    }

    @Test
    void configAndOverridesChangeSeverities() {
        String sql = "-- header\ntruncate public.a;\n";
        Config cfg = new Config(null, null, null, null, null, null, Map.of("ban-truncate", "warning"), null, null);
        LintReport fromConfig = new Linter(cfg).lintSql(NAME, sql, SchemaModel.empty());
        assertFalse(fromConfig.hasErrors());
        assertEquals(Severity.WARNING, fromConfig.findings().stream().filter(f -> f.ruleId().equals("ban-truncate")).findFirst().orElseThrow().severity());
        LintReport overridden = new Linter(cfg, Map.of("ban-truncate", Severity.ERROR)).lintSql(NAME, sql, SchemaModel.empty());
        assertTrue(overridden.hasErrors());
        LintReport off = new Linter(cfg, Map.of("ban-truncate", Severity.OFF)).lintSql(NAME, sql, SchemaModel.empty());
        assertTrue(off.findings().stream().noneMatch(f -> f.ruleId().equals("ban-truncate")));
    }

    @Test
    void theRulesForRerunnableMigrationsAreWarningsByDefaultAndConfigurable() {
        String sql = "-- header\ncreate table public.a (id bigint primary key);\ncreate type public.mood as enum ('ok');\n"
                + "create function public.f() returns int language sql as $$ select 1 $$;\n";
        List<String> rerunnable = List.of("prefer-robust-stmts", "unguarded-create-type", "prefer-create-or-replace");
        LintReport byDefault = new Linter(Config.defaults()).lintSql(NAME, sql, SchemaModel.empty());
        for (String rule : rerunnable) {
            assertEquals(List.of(Severity.WARNING), byDefault.findings().stream().filter(f -> f.ruleId().equals(rule)).map(f -> f.severity()).toList(), rule);
        }
        Config relaxed = new Config(null, null, null, null, null, null, Map.of("prefer-robust-stmts", "info"), null, null);
        assertEquals(Severity.INFO, new Linter(relaxed).severityOf("prefer-robust-stmts"));
    }

    @Test
    void unknownRuleOrSeverityInConfigIsAnErrorNamingIt() {
        Config badRule = new Config(null, null, null, null, null, null, Map.of("ban-everything", "off"), null, null);
        PilotException e = assertThrows(PilotException.class, () -> new Linter(badRule));
        assertTrue(e.getMessage().contains("ban-everything"));
        assertEquals(PilotException.ERROR, e.exitCode());
        Config badSeverity = new Config(null, null, null, null, null, null, Map.of("ban-truncate", "loud"), null, null);
        assertTrue(assertThrows(PilotException.class, () -> new Linter(badSeverity)).getMessage().contains("loud"));
    }

    @Test
    void evalBaseSchemaProducesNoErrorsSoUpAppliesIt() throws Exception {
        // A copy of the plain-English eval's base schema (/work/shared/eval/nl/base.sql), hand-written SQL.
        String sql = new String(LinterTest.class.getResourceAsStream("/lint-base/base.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        LintReport r = linter.lintSql("20240101000000_base.sql", sql, SchemaModel.empty());
        assertEquals(List.of(), r.errors());
        assertTrue(r.count(Severity.WARNING) > 0, "it does get RLS warnings");
    }

    @Test
    void workspaceLintChecksEachMigrationAgainstTheOnesBeforeIt(@TempDir Path dir) throws Exception {
        Path mig = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(mig.resolve("20240101000000_orders.sql"), "-- orders\ncreate table public.orders (id bigint primary key, total numeric);\n");
        Files.writeString(mig.resolve("20240102000000_index.sql"), "-- index\ncreate index orders_total_idx on public.orders (total);\nalter table public.orders add column region text not null;\n");
        LintReport r = linter.lint(Workspace.open(dir));
        assertEquals(2, r.filesChecked());
        List<String> second = r.findings().stream().filter(f -> f.file().endsWith("20240102000000_index.sql"))
                .map(f -> f.ruleId() + "@" + f.line()).toList();
        assertTrue(second.contains("require-concurrent-index-creation@2"), second.toString());
        assertTrue(second.contains("adding-required-field@3"), second.toString());
        assertTrue(r.hasErrors());
        // The same file alone (outside the workspace replay) knows no orders table: no locking findings.
        LintReport alone = linter.lintSql("x.sql", Files.readString(mig.resolve("20240102000000_index.sql")), SchemaModel.empty());
        assertTrue(ids(alone).stream().noneMatch(x -> x.startsWith("require-concurrent-index-creation")));
        // lintFile of a workspace migration replays the earlier ones.
        LintReport one = linter.lintFile(mig.resolve("20240102000000_index.sql"), Workspace.open(dir));
        assertTrue(ids(one).contains("adding-required-field@3"));
    }

    @Test
    void unreadableFileIsAnErrorNotACrash(@TempDir Path dir) throws Exception {
        Path bin = dir.resolve("bad.sql");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});
        PilotException e = assertThrows(PilotException.class, () -> linter.lintFile(bin));
        assertEquals(PilotException.ERROR, e.exitCode());
        assertEquals(PilotException.ERROR, assertThrows(PilotException.class, () -> linter.lintFile(dir.resolve("missing.sql"))).exitCode());
    }

    @Test
    void statementsNoParserUnderstandsNeverCrashTheLinter() {
        String sql = "-- odd\ndo $$ begin perform 1; end $$;\ncreate policy on;\nalter table;\ncreate index on ();\n((((;\n'unterminated\n";
        LintReport r = linter.lintSql(NAME, sql, SchemaModel.of("create table public.t (id int);"));
        assertTrue(r.findings().stream().noneMatch(f -> f.message().startsWith("rule failed")), r.findings().toString());
    }

    @Test
    void jsonReportCarriesCountsAndEveryFindingField() throws Exception {
        LintReport r = linter.lintSql(NAME, "-- h\ntruncate public.a;\n", SchemaModel.empty());
        JsonNode root = new ObjectMapper().readTree(ReportWriter.render(r, ReportFormat.JSON, false));
        assertEquals(1, root.get("errors").asInt());
        JsonNode f = root.get("findings").get(0);
        for (String field : List.of("rule", "severity", "file", "line", "column", "message", "fix", "why")) {
            assertTrue(f.hasNonNull(field), field);
        }
        assertEquals("ban-truncate", f.get("rule").asText());
        assertEquals(2, f.get("line").asInt());
    }

    @Test
    void sarifReportHasTheRequiredSarif210Structure() throws Exception {
        LintReport r = linter.lintSql(NAME, "-- h\ntruncate public.a;\ndelete from public.a;\n", SchemaModel.empty());
        JsonNode root = new ObjectMapper().readTree(ReportWriter.render(r, ReportFormat.SARIF, false));
        assertEquals("2.1.0", root.get("version").asText());
        assertTrue(root.get("$schema").asText().contains("sarif"));
        JsonNode run = root.get("runs").get(0);
        assertEquals("pgpilot", run.at("/tool/driver/name").asText());
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(2, rules.size());
        for (JsonNode res : run.get("results")) {
            assertTrue(List.of("error", "warning", "note").contains(res.get("level").asText()));
            assertTrue(res.at("/message/text").isTextual());
            int idx = res.get("ruleIndex").asInt();
            assertEquals(rules.get(idx).get("id").asText(), res.get("ruleId").asText());
            JsonNode loc = res.at("/locations/0/physicalLocation");
            assertEquals(NAME, loc.at("/artifactLocation/uri").asText());
            assertTrue(loc.at("/region/startLine").asInt() >= 1);
        }
    }

    @Test
    void textReportShowsPositionSeverityRuleTheLineAndTheFixWithoutColourWhenAskedPlain() {
        LintReport r = linter.lintSql(NAME, "-- h\ntruncate public.a;\n", SchemaModel.empty());
        String text = ReportWriter.render(r, ReportFormat.TEXT, false);
        assertTrue(text.contains(NAME + ":2:1 error ban-truncate TRUNCATE wipes every row"), text);
        assertTrue(text.contains("     2 | truncate public.a;"), text);
        assertTrue(text.contains("fix: delete the rows you mean"), text);
        assertFalse(text.contains("\u001b["));
        assertTrue(ReportWriter.render(r, ReportFormat.TEXT, true).contains("\u001b[1;31merror"));
    }

    @Test
    void invalidSchemaManifestIsAnErrorNamingTheFileAndNoManifestMeansTheRulesAreOff(@TempDir Path dir) throws Exception {
        assertEquals(null, SchemaManifest.load(dir));
        Files.createDirectories(dir.resolve("supabase"));
        Files.writeString(dir.resolve(SchemaManifest.FILE), "{\"tables\": \"orders\"}");
        PilotException e = assertThrows(PilotException.class, () -> SchemaManifest.load(dir));
        assertTrue(e.getMessage().contains("schema-manifest.json") && e.getMessage().contains("tables"), e.getMessage());
        assertEquals(PilotException.ERROR, e.exitCode());
        LintReport r = linter.lintSql(NAME, "-- h\ncreate table if not exists public.anything (id bigint primary key);\n", SchemaModel.empty());
        assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().startsWith("manifest-")));
    }

    @Test
    void aPlannedMigrationIsCheckedAgainstTheWorkspaceSchema(@TempDir Path dir) throws Exception {
        Path mig = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(mig.resolve("20240101000000_orders.sql"), "-- orders\ncreate table public.orders (id bigint primary key);\n");
        LintReport plan = new dev.pgpilot.core.api.Pilot(dev.pgpilot.core.api.Pilot.Options.cli(dir))
                .lintPlan("20240102000000_add_region.sql", "-- region\nalter table public.orders add column region text not null;\n");
        assertEquals(List.of("adding-required-field@2"), plan.errors().stream().map(f -> f.ruleId() + "@" + f.line()).toList());
    }

    @Test
    void aFolderLintedInParallelChunksSeesTheSchemaOfEveryEarlierFile(@TempDir Path dir) throws Exception {
        Path mig = Files.createDirectories(dir.resolve("supabase/migrations"));
        int n = 200; // many chunks: the table comes from the first file, the index from the last
        Files.writeString(mig.resolve(String.format("2024010100%04d_orders.sql", 0)), "-- orders\ncreate table public.orders (id bigint primary key, total numeric);\n");
        for (int i = 1; i < n - 1; i++) {
            Files.writeString(mig.resolve(String.format("2024010100%04d_t%d.sql", i, i)), "-- t" + i + "\ncreate table if not exists public.t" + i + " (id bigint primary key);\n");
        }
        Files.writeString(mig.resolve(String.format("2024010100%04d_index.sql", n - 1)), "-- index\ncreate index orders_total_idx on public.orders (total);\n");
        LintReport r = linter.lint(Workspace.open(dir));
        assertEquals(n, r.filesChecked());
        List<String> last = r.findings().stream().filter(f -> f.file().endsWith("_index.sql")).map(f -> f.ruleId() + "@" + f.line()).toList();
        assertTrue(last.contains("require-concurrent-index-creation@2"), last.toString());
        // Same findings, in the same order, as linting file by file against the replayed model.
        SchemaModel model = SchemaModel.empty();
        List<Finding> sequential = new java.util.ArrayList<>();
        for (Path p : MigrationFolder.list(mig).migrations()) {
            String sql = Files.readString(p);
            sequential.addAll(linter.lintSql("supabase/migrations/" + p.getFileName(), sql, model).findings());
            model.applyScript(sql);
        }
        assertEquals(new LintReport(sequential, n).findings(), r.findings());
    }

    @Test
    void badlyNamedFilesAndDuplicateVersionsInTheFolderAreFindingsNotAFailure(@TempDir Path dir) throws Exception {
        Path mig = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(mig.resolve("20240101000000_orders.sql"), "-- orders\ncreate table if not exists public.orders (id bigint primary key);\n");
        Files.writeString(mig.resolve("20240101000000_orders_again.sql"), "-- again\nselect 1;\n");
        Files.writeString(mig.resolve("seed.sql"), "insert into public.orders values (1);\n");
        Files.writeString(mig.resolve("notes.md"), "not sql\n");
        Files.writeString(mig.resolve(".gitkeep"), "");
        LintReport r = linter.lint(Workspace.open(dir));
        assertEquals(2, r.filesChecked());
        List<String> folder = r.findings().stream().filter(f -> f.ruleId().equals("migration-file-name") || f.ruleId().equals(Linter.DUPLICATE_VERSION))
                .map(f -> f.ruleId() + " " + f.severity().label() + " " + f.file()).toList();
        assertEquals(List.of(
                Linter.DUPLICATE_VERSION + " error supabase/migrations/20240101000000_orders_again.sql",
                "migration-file-name warning supabase/migrations/notes.md",
                "migration-file-name warning supabase/migrations/seed.sql"), folder);
        assertTrue(r.findings().stream().anyMatch(f -> f.message().startsWith("seed.sql is not named <version>_<name>.sql: pgpilot and the Supabase CLI skip it with a warning")));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().equals("notes.md is not a migration: pgpilot and the Supabase CLI skip it")));
        assertTrue(r.hasErrors());
        LintReport off = new Linter(Config.defaults(), Map.of("migration-file-name", Severity.OFF, Linter.DUPLICATE_VERSION, Severity.OFF)).lint(Workspace.open(dir));
        assertTrue(off.findings().stream().noneMatch(f -> f.ruleId().equals("migration-file-name") || f.ruleId().equals(Linter.DUPLICATE_VERSION)));
    }

    @Test
    void aStatementWithALongStringLiteralIsLintedLikeAShortOne() {
        // A 2 KB literal once overflowed the stack in a backtracking regex and killed the whole run.
        for (int size : new int[] {2_000, 200_000}) {
            String sql = "-- seed\ninsert into public.docs (id, body) values (1, '" + "it''s long ".repeat(size / 10) + "');\ndelete from public.docs;\n";
            LintReport r = linter.lintSql(NAME, sql, SchemaModel.empty());
            assertEquals(List.of(), r.failures(), "size " + size);
            assertEquals(List.of("ban-delete-without-where@3"), ids(r).stream().filter(x -> x.startsWith("ban-")).toList(), "size " + size);
        }
    }

    /** A rule with a bug: it overflows the stack, as a backtracking regex does on a long literal. */
    private static final class OverflowingRule implements Rule {
        @Override public String id() { return "overflowing"; }
        @Override public Severity defaultSeverity() { return Severity.ERROR; }
        @Override public String why() { return "test"; }
        @Override public String fix() { return "test"; }
        @Override public void check(LintedFile file, Reporter report) { check(file, report); }
    }

    @Test
    void aRuleThatFailsIsReportedAsAFailureNamingRuleAndFileWhileTheOtherRulesStillRun() {
        Linter withBug = new Linter(Config.defaults(), Map.of(), null, List.of(new OverflowingRule(), Rules.byId("ban-truncate")));
        LintReport r = withBug.lintSql(NAME, "-- header\ntruncate public.a;\n", SchemaModel.empty());
        assertEquals(List.of(new LintFailure("overflowing", NAME, "StackOverflowError")), r.failures());
        assertTrue(r.hasFailures());
        assertEquals(List.of("ban-truncate@2"), ids(r));
        assertEquals("lint rule overflowing failed on " + NAME + " (StackOverflowError): a pgpilot bug, please report it", r.failures().get(0).describe());
        PilotException gate = assertThrows(PilotException.class, r::refuseIfFailed);
        assertEquals(PilotException.ERROR, gate.exitCode());
        assertTrue(gate.getMessage().contains("lint rule overflowing failed on " + NAME), gate.getMessage());
    }

    @Test
    void theJsonReportListsFailuresSoAScriptSeesWhyTheRunIsIncomplete() throws Exception {
        Linter withBug = new Linter(Config.defaults(), Map.of(), null, List.of(new OverflowingRule()));
        LintReport r = withBug.lintSql(NAME, "select 1;\n", SchemaModel.empty());
        JsonNode json = new ObjectMapper().readTree(ReportWriter.render(r, ReportFormat.JSON, false));
        assertEquals("overflowing", json.get("failures").get(0).get("rule").asText());
        assertEquals(NAME, json.get("failures").get(0).get("file").asText());
        JsonNode sarif = new ObjectMapper().readTree(ReportWriter.render(r, ReportFormat.SARIF, false));
        assertFalse(sarif.get("runs").get(0).get("invocations").get(0).get("executionSuccessful").asBoolean());
    }
}
