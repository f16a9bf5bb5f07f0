package dev.pgpilot.core.api;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationName;
import dev.pgpilot.core.render.Templates;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Lint for the project: files and folders, the baseline, and planned migrations before they are written. {@link Pilot} delegates to it.
 */
final class Linting {
    private final Pilot pilot;

    Linting(Pilot pilot) {
        this.pilot = pilot;
    }

    /**
     * Lints files or folders (none: every migration of the pilot.workspace()), with severities from the
     * config and then {@code overrides} (the command's {@code --rule ID=SEVERITY}).
     */
    public dev.pgpilot.core.api.model.LintReport lint(java.util.List<Path> paths, Map<String, dev.pgpilot.core.api.model.Severity> overrides) {
        dev.pgpilot.core.lint.run.Linter linter = dev.pgpilot.core.lint.run.Linter.forWorkspace(pilot.workspace(), overrides);
        if (paths == null || paths.isEmpty()) {
            return linter.lint(pilot.workspace());
        }
        java.util.List<dev.pgpilot.core.api.model.LintReport> parts = new java.util.ArrayList<>();
        for (Path p : paths) {
            // A relative path is taken from the current directory, else from the workdir.
            Path file = p.isAbsolute() || Files.exists(p) ? p : pilot.workspace().workdir().resolve(p);
            parts.add(linter.lintFile(file, pilot.workspace()));
        }
        return dev.pgpilot.core.api.model.LintReport.merge(parts);
    }

    /**
     * {@code lint --baseline}: lints every migration reporting every finding (accepted ones too) and
     * writes them all to the project's {@link dev.pgpilot.core.lint.run.LintBaseline}, which every gate then
     * ignores. A lint that failed on some file accepts nothing (exit 2).
     */
    public dev.pgpilot.core.api.model.LintReport writeLintBaseline(Map<String, dev.pgpilot.core.api.model.Severity> overrides) {
        dev.pgpilot.core.api.model.LintReport report = dev.pgpilot.core.lint.run.Linter.withoutBaseline(pilot.workspace(), overrides).lint(pilot.workspace());
        report.refuseIfFailed();
        dev.pgpilot.core.lint.run.LintBaseline.write(pilot.workspace().workdir(), report);
        return report;
    }

    public dev.pgpilot.core.api.model.LintReport lint(java.util.List<Path> paths) {
        return lint(paths, Map.of());
    }

    /**
     * Lints a planned migration that is not written yet, against the schema the pilot.workspace()'s
     * migrations describe: {@code new} prints it and {@code up} refuses on {@code hasErrors()}.
     */
    public dev.pgpilot.core.api.model.LintReport lintPlan(String fileName, String sql) {
        dev.pgpilot.core.lint.run.Linter linter = dev.pgpilot.core.lint.run.Linter.forWorkspace(pilot.workspace());
        return linter.lintSql(fileName, sql, dev.pgpilot.core.lint.run.Linter.modelOf(pilot.workspace().migrations()));
    }

    /** Every file of a plan linted, each against the schema of the pilot.workspace() and the plan's files before it. */
    public dev.pgpilot.core.api.model.LintReport lintPlan(Plan plan) {
        dev.pgpilot.core.lint.run.Linter linter = dev.pgpilot.core.lint.run.Linter.forWorkspace(pilot.workspace());
        dev.pgpilot.core.lint.SchemaModel model = dev.pgpilot.core.lint.run.Linter.modelOf(pilot.workspace().migrations());
        java.util.List<dev.pgpilot.core.api.model.LintReport> parts = new java.util.ArrayList<>();
        for (PlannedFile f : plan.files()) {
            parts.add(linter.lintSql(f.fileName(), f.migration().upSql(), model));
            model.applyScript(f.migration().upSql());
        }
        return dev.pgpilot.core.api.model.LintReport.merge(parts);
    }
}
