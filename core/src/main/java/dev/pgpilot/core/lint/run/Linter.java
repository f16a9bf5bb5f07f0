package dev.pgpilot.core.lint.run;

import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.LintFailure;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.MigrationFolder;
import dev.pgpilot.core.lint.Rule;
import dev.pgpilot.core.lint.SchemaManifest;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.LintedStatement;
import dev.pgpilot.core.lint.rules.Rules;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.MigrationName;
import dev.pgpilot.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every enabled rule over migrations. Each migration is checked against the schema model of
 * the migrations before it, so "existing table" and "table has RLS" need no database.
 * Severities come from the rule defaults, then {@code lint:} in pgpilot.yaml, then overrides
 * (the command's {@code --rule ID=SEVERITY}).
 */
public final class Linter {
    /** Meta rule: an ignore comment that silenced nothing (or names no known rule). */
    public static final String UNUSED_IGNORE = "unused-ignore";
    /** Meta rule: two migrations of the folder share a version; the runner refuses the folder. */
    public static final String DUPLICATE_VERSION = "duplicate-migration-version";
    private static final String DUPLICATE_WHY = "The version is the key of the migration history: with two files on one version, "
            + "pgpilot and the Supabase CLI refuse the folder (or apply only one). Error.";
    private static final String UNUSED_WHY = "A stale ignore hides the next real problem of that rule on that statement. "
            + "Warning, not error: it never breaks a migration.";

    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private final SchemaManifest manifest;
    private final List<Rule> rules;
    private LintBaseline baseline = LintBaseline.NONE;

    public Linter(Config config) {
        this(config, Map.of());
    }

    public Linter(Config config, Map<String, Severity> overrides) {
        this(config, overrides, null);
    }

    /** @param manifest the project's schema manifest, or null when it has none */
    public Linter(Config config, Map<String, Severity> overrides, SchemaManifest manifest) {
        this(config, overrides, manifest, Rules.all());
    }

    /** With another rule set: tests use it to show what happens when a rule fails. */
    Linter(Config config, Map<String, Severity> overrides, SchemaManifest manifest, List<Rule> rules) {
        this.manifest = manifest;
        this.rules = List.copyOf(rules);
        for (Rule r : rules) severities.put(r.id(), r.defaultSeverity());
        severities.put(UNUSED_IGNORE, Severity.WARNING);
        severities.put(DUPLICATE_VERSION, Severity.ERROR);
        config.lint().forEach((id, sev) -> severities.put(known(id, "in " + Config.FILE_NAME),
                Severity.parse(sev, "for " + id + " in " + Config.FILE_NAME)));
        overrides.forEach((id, sev) -> severities.put(known(id, "in --rule"), sev));
    }

    /**
     * The one lint configuration of a project, for every gate ({@code lint}, {@code up}, {@code new},
     * Slack): severities from pgpilot.yaml, then {@code overrides}, and the schema manifest.
     */
    public static Linter forWorkspace(Workspace workspace, Map<String, Severity> overrides) {
        Linter linter = withoutBaseline(workspace, overrides);
        linter.baseline = LintBaseline.load(workspace.workdir());
        return linter;
    }

    /** {@link #forWorkspace} reporting every finding, the accepted ones too: what {@code lint --baseline} writes. */
    public static Linter withoutBaseline(Workspace workspace, Map<String, Severity> overrides) {
        return new Linter(workspace.config(), overrides, SchemaManifest.load(workspace.workdir()));
    }

    public static Linter forWorkspace(Workspace workspace) {
        return forWorkspace(workspace, Map.of());
    }

    private String known(String id, String where) {
        if (!severities.containsKey(id)) {
            throw PilotException.error("unknown lint rule '" + id + "' " + where, "known rules: pgpilot lint --list-rules");
        }
        return id;
    }

    /** Parses {@code ID=SEVERITY} as given to {@code --rule}. */
    public static Map.Entry<String, Severity> parseOverride(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw PilotException.error("bad --rule '" + text + "'", "write --rule RULE_ID=off|info|warning|error");
        return Map.entry(text.substring(0, eq).trim(), Severity.parse(text.substring(eq + 1), "in --rule " + text));
    }

    public Severity severityOf(String ruleId) {
        return severities.getOrDefault(ruleId, Severity.OFF);
    }

    /**
     * All migrations of the workspace, in version order, each against the model of those before it;
     * files in the folder that are not migrations, and versions used twice, are findings too.
     */
    public LintReport lint(Workspace workspace) {
        MigrationFolder folder = MigrationFolder.list(workspace.migrationsDir());
        List<Finding> found = new ArrayList<>();
        Rule naming = Rules.byId("migration-file-name");
        Severity namingSeverity = severityOf(naming.id());
        if (namingSeverity != Severity.OFF) {
            for (Path p : folder.badNames()) {
                found.add(new Finding(naming.id(), namingSeverity, display(workspace.workdir(), p), 1, 1,
                        badNameMessage(p.getFileName().toString()),
                        "rename it to YYYYMMDDHHMMSS_snake_case.sql, or move it out of the migrations folder", naming.why(), ""));
            }
        }
        Severity dup = severities.get(DUPLICATE_VERSION);
        if (dup != Severity.OFF) {
            folder.duplicates().forEach((p, other) -> found.add(new Finding(DUPLICATE_VERSION, dup, display(workspace.workdir(), p), 1, 1,
                    "version of " + p.getFileName() + " is already used by " + other.getFileName(),
                    "give one of them a new timestamp", DUPLICATE_WHY, "")));
        }
        List<LintReport> parts = new ArrayList<>(InOrderLint.lint(folder.migrations(), workspace.workdir(), this::lintParsed));
        LintBaseline.Counter counter = new LintBaseline.Counter();
        List<Finding> kept = new ArrayList<>();
        for (Finding f : found) {
            Finding printed = withFingerprint(f, counter.fingerprint(f.ruleId(), f.file(), f.message()));
            if (!baseline.accepts(printed)) kept.add(printed);
        }
        parts.add(new LintReport(kept, 0, List.of(), found.size() - kept.size()));
        return LintReport.merge(parts);
    }

    /** One file; when it is one of the workspace's migrations, against the model of the earlier ones. */
    public LintReport lintFile(Path path, Workspace workspace) {
        if (!Files.exists(path)) throw PilotException.error("no such file: " + path, "give a .sql file or a folder of them");
        if (Files.isDirectory(path)) return lintDirectory(path, workspace);
        Path abs = path.toAbsolutePath().normalize();
        SchemaModel model = SchemaModel.empty();
        if (workspace != null && abs.startsWith(workspace.migrationsDir().toAbsolutePath().normalize())) {
            for (Path m : MigrationFolder.list(workspace.migrationsDir()).migrations()) {
                String sql = MigrationFile.normalize(Workspace.read(m));
                if (m.toAbsolutePath().normalize().equals(abs)) {
                    return lintSql(display(workspace.workdir(), abs), sql, model);
                }
                model.applyScript(sql);
            }
        }
        String text = MigrationFile.normalize(Workspace.read(path));
        return lintSql(workspace == null ? path.toString() : display(workspace.workdir(), abs), text, SchemaModel.empty());
    }

    public LintReport lintFile(Path path) {
        return lintFile(path, null);
    }

    /** What happens to a file of the migrations folder that is not named as a migration. */
    private static String badNameMessage(String file) {
        return MigrationName.looksLikeSql(file)
                ? file + " is not named <version>_<name>.sql: pgpilot and the Supabase CLI skip it with a warning (rename it to apply it, or move it out of the folder)"
                : file + " is not a migration: pgpilot and the Supabase CLI skip it";
    }

    /** Every {@code .sql} file of a folder (down scripts excepted), in name order, with a cumulative model. */
    public LintReport lintDirectory(Path dir, Workspace workspace) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sql") && !p.toString().endsWith(".down.sql") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw PilotException.error("cannot list " + dir + ": " + e.getMessage(), null);
        }
        return LintReport.merge(InOrderLint.lint(files, workspace == null ? null : workspace.workdir(), this::lintParsed));
    }

    /** The rules over one parsed file; a failure of the schema replay fails this file only. */
    private LintReport lintParsed(InOrderLint.Parsed p, SchemaModel model) {
        LintedFile file;
        try {
            file = new LintedFile(p.name(), p.text(), p.statements(), model);
        } catch (Throwable t) {
            return new LintReport(List.of(), 1, List.of(LintFailure.of(LintFailure.LINTER, p.name(), t)));
        }
        return run(file);
    }

    /** A migration that is not written yet (a plan): the {@code new} command and the {@code up} gate call this. */
    public LintReport lintSql(String fileName, String sql, SchemaModel before) {
        List<LintedStatement> statements;
        try {
            statements = LintedFile.parse(sql);
        } catch (Throwable t) {
            return new LintReport(List.of(), 1, List.of(LintFailure.of(LintFailure.LINTER, fileName, t)));
        }
        return lintParsed(new InOrderLint.Parsed(fileName, sql, statements, null), before.copy());
    }

    /** The model of a list of migrations, e.g. everything already in the workspace before a plan. */
    public static SchemaModel modelOf(List<MigrationFile> migrations) {
        SchemaModel m = SchemaModel.empty();
        for (MigrationFile f : migrations) m.applyScript(f.sql());
        return m;
    }

    static String display(Path workdir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(workdir) ? workdir.relativize(abs).toString() : abs.toString();
    }

    private LintReport run(LintedFile file) {
        file.withManifest(manifest);
        Suppressions suppressions = new Suppressions(file);
        List<Finding> out = new ArrayList<>();
        List<LintFailure> failures = new ArrayList<>();
        LintBaseline.Counter counter = new LintBaseline.Counter();
        int[] baselined = {0};
        for (Rule rule : rules) {
            Severity sev = severities.get(rule.id());
            if (sev == Severity.OFF) continue;
            Rule.Reporter reporter = new Rule.Reporter() {
                @Override
                public void at(LintedStatement s, String message) {
                    if (!suppressions.suppresses(rule.id(), s.index())) {
                        keep(finding(rule, sev, file, s.line(), s.sql().column(), message), s.norm() + '\u0000' + message);
                    }
                }

                @Override
                public void atFile(int line, String message) {
                    if (!suppressions.suppresses(rule.id(), -1)) {
                        keep(finding(rule, sev, file, line, 1, message), LintBaseline.withoutLineNumbers(message));
                    }
                }

                private void keep(Finding f, String content) {
                    Finding printed = withFingerprint(f, counter.fingerprint(f.ruleId(), f.file(), content));
                    if (baseline.accepts(printed)) baselined[0]++;
                    else out.add(printed);
                }
            };
            try {
                rule.check(file, reporter);
            } catch (Throwable t) {
                // A rule bug (a StackOverflowError from a regex included) must neither kill the run
                // nor pass as clean: the other rules still run, and the report says which rule failed.
                failures.add(LintFailure.of(rule.id(), file.fileName(), t));
            }
        }
        Severity unused = severities.get(UNUSED_IGNORE);
        if (unused != Severity.OFF) {
            for (Suppressions.Ignore i : suppressions.ignores) {
                if (i.used || severities.get(i.ruleId) == Severity.OFF) continue;
                String msg = severities.containsKey(i.ruleId)
                        ? "ignore of " + i.ruleId + " suppresses nothing"
                        : "ignore names an unknown rule: " + i.ruleId;
                Finding f = new Finding(UNUSED_IGNORE, unused, file.fileName(), i.line, i.column, msg,
                        "remove the comment, or fix the rule id", UNUSED_WHY, file.line(i.line));
                Finding printed = withFingerprint(f, counter.fingerprint(UNUSED_IGNORE, file.fileName(), msg + '\u0000' + file.line(i.line).strip()));
                if (baseline.accepts(printed)) baselined[0]++;
                else out.add(printed);
            }
        }
        return new LintReport(out, 1, failures, baselined[0]);
    }

    private static Finding withFingerprint(Finding f, String fingerprint) {
        return new Finding(f.ruleId(), f.severity(), f.file(), f.line(), f.column(), f.message(), f.fix(), f.why(), f.excerpt(), fingerprint);
    }

    private static Finding finding(Rule rule, Severity sev, LintedFile file, int line, int column, String message) {
        return new Finding(rule.id(), sev, file.fileName(), line, column, message, rule.fix(), rule.why(), file.line(line));
    }
}
