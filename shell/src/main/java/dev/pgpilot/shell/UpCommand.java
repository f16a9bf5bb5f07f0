package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.UpPlan;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.MigrationFailedException;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.shell.repl.Interrupts;
import dev.pgpilot.shell.repl.ProgressBar;
import dev.pgpilot.shell.repl.Tty;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "up", description = "Apply pending migrations (asks first)")
final class UpCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Option(names = "--to", paramLabel = "VERSION", description = "apply up to and including this version")
    String to;

    @Option(names = "--dry-run", description = "show what would run, change nothing")
    boolean dryRun;

    @Option(names = "--allow-out-of-order", description = "apply pending versions older than the newest applied one")
    boolean allowOutOfOrder;

    @Option(names = "--allow-lint-errors", description = "apply despite lint errors (recorded in the history)")
    boolean allowLintErrors;

    @Option(names = "--targets", paramLabel = "FILE", description = "roll out to every database listed in FILE, one per line: [NAME] URL or [NAME] VARIABLE")
    java.nio.file.Path targets;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "with --env all, --env group:NAME or --targets: targets applied at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--continue-on-failure", description = "with several targets: go on with the others when one fails (default: stop starting new ones)")
    boolean continueOnFailure;

    @Option(names = "--canary", paramLabel = "NAME", description = "with several targets: apply to NAME alone first, the rest only if it succeeds")
    String canary;

    @Override
    public Integer call() {
        Pilot pilot = global.project(); // outside a project: exit 2 before any target is touched
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (targets != null || dev.pgpilot.core.api.fleet.FleetSelection.isFleet(global.env)) {
            if (targets != null && global.env != null) throw PilotException.error("--targets and --env cannot be combined", "use one of them");
            return FleetUp.run(global, new FleetUp.Request(targets, parallel, continueOnFailure, canary,
                    new UpOptions(to, dryRun, allowOutOfOrder, allowLintErrors)), out, err);
        }
        if (canary != null || continueOnFailure) {
            throw PilotException.error("--canary and --continue-on-failure need several targets", "add --env all, --env group:NAME or --targets FILE");
        }
        if (global.json) {
            return json(pilot, out, err);
        }
        return confirmAndApply(global, pilot, pilot.prepareUp(new UpOptions(to, true, allowOutOfOrder, allowLintErrors)), dryRun, out, err);
    }

    /**
     * Shows what the plan runs, asks (the environment's name typed when it is protected) and applies
     * it with progress: {@code up} and the shell's {@code apply} alike.
     */
    static int confirmAndApply(GlobalOptions global, Pilot pilot, UpPlan plan, boolean dryRun, PrintWriter out, PrintWriter err) {
        plan.preview().warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
        if (plan.isEmpty()) {
            out.println("nothing to apply: " + plan.preview().target() + " is up to date");
            return 0;
        }
        out.println((dryRun ? "would apply " : "to apply ") + plan.planned().size() + " migration(s) on " + plan.preview().target() + ":");
        plan.planned().forEach(p -> out.println("  " + p.file() + (p.outsideTransaction() ? "  (outside a transaction)" : "")));
        out.flush();
        if (dryRun) {
            return 0;
        }
        if (!Confirm.change(global, pilot, "Apply " + plan.planned().size() + " migration(s)", "up not run")) {
            out.println("nothing applied");
            return 1;
        }
        Progress progress = new Progress(out, err, plan.planned().size());
        ApplyResult r;
        try {
            r = plan.apply(progress);
        } finally {
            progress.end(); // a failure or a cancel is printed on a clean line
        }
        out.println(r.applied().isEmpty() ? "nothing to apply (another run applied them)" : "done: " + r.applied().size() + " applied");
        out.flush();
        r.warnings().stream().filter(w -> !plan.preview().warnings().contains(w)).forEach(w -> err.println("note: " + w));
        err.flush();
        return 0;
    }

    /**
     * {@code up --json}: one JSON object on stdout whatever happens (shape in README), the same exit
     * codes as the text output; on an error the one-line message still goes to stderr.
     */
    private int json(Pilot pilot, PrintWriter out, PrintWriter err) {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            UpPlan plan = pilot.prepareUp(new UpOptions(to, true, allowOutOfOrder, allowLintErrors));
            plan.preview().warnings().forEach(w -> err.println("warning: " + w));
            err.flush();
            result.put("target", plan.preview().target());
            result.put("dry_run", dryRun);
            result.put("planned", plan.planned().stream().map(UpCommand::planned).toList());
            result.put("applied", List.of());
            result.put("warnings", plan.preview().warnings());
            if (dryRun || plan.planned().isEmpty()) {
                out.println(Render.json(result));
                return 0;
            }
            if (!Confirm.change(global, pilot, "Apply " + plan.planned().size() + " migration(s)", "up not run")) {
                result.put("error", error("up not run: not confirmed", null));
                out.println(Render.json(result));
                return 1;
            }
            ApplyResult r = plan.apply(new ApplyListener() {
                @Override
                public void cancellable(Runnable cancel) {
                    Interrupts.onCancel(cancel);
                }
            });
            result.put("applied", r.applied().stream().map(UpCommand::applied).toList());
            result.put("warnings", r.warnings());
            out.println(Render.json(result));
            return 0;
        } catch (PilotException e) {
            if (e instanceof MigrationFailedException m) {
                result.put("applied", m.appliedBefore().stream().map(UpCommand::applied).toList());
                result.put("failed", failed(m.failed()));
            }
            result.putIfAbsent("applied", List.of());
            result.put("error", error(e.getMessage(), e.hint()));
            out.println(Render.json(result));
            // the JSON above already carries the error, so it is not rethrown (Main would print a second object)
            err.println("error: " + e.getMessage());
            if (e.hint() != null) err.println("hint: " + e.hint());
            err.flush();
            return e.exitCode();
        }
    }

    private static Map<String, Object> planned(ApplyResult.Planned p) {
        return Render.fields("version", p.version(), "name", p.name(), "file", p.file(), "outside_transaction", p.outsideTransaction());
    }

    private static Map<String, Object> applied(ApplyResult.Applied a) {
        return Render.fields("version", a.version(), "name", a.name(), "file", a.file(), "duration_ms", a.millis(),
                "statements", a.statements());
    }

    private static Map<String, Object> failed(MigrationFailedException.Failed f) {
        return Render.fields("version", f.version(), "name", f.name(), "file", f.file(), "line", f.line(),
                "statement", f.statement(), "message", f.message());
    }

    private static Map<String, Object> error(String message, String hint) {
        return Render.fields("message", message, "hint", hint);
    }

    /**
     * What the run shows as it goes: on a terminal a bar with the file being applied (redrawn in
     * place), one "applied" line per file everywhere. Registers the run's cancel hook for Ctrl-C.
     */
    private static final class Progress implements ApplyListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final int total;
        private final ProgressBar bar;
        private int current;

        Progress(PrintWriter out, PrintWriter err, int total) {
            this.out = out;
            this.err = err;
            this.total = total;
            this.bar = Tty.live() ? new ProgressBar(out, true) : null;
        }

        void end() {
            if (bar != null) bar.clear();
        }

        @Override
        public void cancellable(Runnable cancel) {
            Interrupts.onCancel(cancel);
        }

        @Override
        public void waitingForLock() {
            out.println("another run holds the migration lock; waiting...");
            out.flush();
        }

        @Override
        public void starting(MigrationFile file) {
            current++;
            // the bar counts finished migrations: the one starting now is not done, so 1 of 1 is never full while it runs
            if (bar != null) bar.update(current - 1, total, "applying " + file.path().getFileName());
        }

        @Override
        public void applied(MigrationFile file, long millis) {
            if (bar != null) bar.clear();
            out.printf("applied %s (%d ms)%n", file.path().getFileName(), millis);
            out.flush();
        }

        @Override
        public void retrying(MigrationFile file, int attempt, long delayMillis, String message) {
            if (bar != null) bar.clear();
            err.printf("lock timeout in %s, retry %d in %d ms%n", file.path().getFileName(), attempt, delayMillis);
            err.flush();
        }
    }
}
