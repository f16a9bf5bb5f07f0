package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.LintFailure;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.lint.run.Linter;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code up} lint gate: pending migrations with lint errors (each checked against the migrations
 * before it, with the same configuration as {@code pgpilot lint}: {@link Linter#forWorkspace}) do not
 * run unless the user overrides it; the override is recorded in the log. A rule that failed on a
 * pending file stops the run too (exit 2): an unchecked file is not a clean one.
 */
final class LintGate {
    private static final int SHOWN = 10;

    private LintGate() {}

    /** @param pendingFiles file names (no folder) of the migrations about to run */
    static void refuseLintErrors(Workspace workspace, Set<String> pendingFiles) {
        if (pendingFiles.isEmpty()) return;
        LintReport report = Linter.forWorkspace(workspace).lint(workspace);
        List<LintFailure> failures = report.failures().stream().filter(f -> pending(f.file(), pendingFiles)).toList();
        new LintReport(List.of(), 0, failures).refuseIfFailed();
        List<Finding> errors = report.errors().stream().filter(f -> pending(f.file(), pendingFiles)).toList();
        if (!errors.isEmpty()) {
            String list = errors.stream().limit(SHOWN)
                    .map(f -> f.file() + ":" + f.line() + ": " + f.ruleId() + ": " + f.message())
                    .collect(Collectors.joining("\n  "));
            throw PilotException.refused("pending migrations have lint errors; nothing was applied:\n  " + list
                            + (errors.size() > SHOWN ? "\n  ... and " + (errors.size() - SHOWN) + " more" : ""),
                    "fix them (pgpilot lint shows each with its fix), or pass --allow-lint-errors (recorded in the history)");
        }
    }

    private static boolean pending(String file, Set<String> pendingFiles) {
        return file != null && pendingFiles.contains(Path.of(file).getFileName().toString());
    }
}
