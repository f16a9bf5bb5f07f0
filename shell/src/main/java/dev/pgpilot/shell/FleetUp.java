package dev.pgpilot.shell;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.fleet.FleetSelection;
import dev.pgpilot.core.api.fleet.FleetTarget;
import dev.pgpilot.core.api.fleet.Rollout;
import dev.pgpilot.core.api.fleet.RolloutResult;
import dev.pgpilot.core.api.fleet.TargetOutcome;
import dev.pgpilot.shell.repl.Interrupts;
import dev.pgpilot.shell.repl.Tty;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code up --env all | --env group:NAME | --targets FILE}: renders a core {@link Rollout}; holds no migration logic. */
final class FleetUp {
    private FleetUp() {}

    record Request(Path targetsFile, int parallel, boolean continueOnFailure, String canary, UpOptions up) {}

    static int run(GlobalOptions global, Request req, PrintWriter out, PrintWriter err) {
        List<FleetTarget> targets = req.targetsFile() != null
                ? FleetSelection.fromFile(req.targetsFile(), System.getenv())
                : FleetSelection.fromProject(global.workdir, global.env);
        Rollout rollout = new Rollout(global.workdir, global.source, System.getProperty("user.name"), Clock.systemUTC(), System.getenv());
        Rollout.Options options = new Rollout.Options(req.parallel(),
                req.continueOnFailure() ? Rollout.Policy.CONTINUE : Rollout.Policy.STOP_ON_FAILURE, req.canary(), req.up());
        if (!req.up().dryRun() && !confirmed(global, targets)) {
            if (global.json) out.println(Render.json(Map.of("error", Render.fields("message", "up not run: not confirmed", "hint", null))));
            else out.println("nothing applied");
            return PilotException.REFUSED;
        }
        FleetProgress progress = new FleetProgress(global.json ? null : out, Tty.live() && !global.json, targets.size());
        Interrupts.onCancel(rollout::cancel);
        RolloutResult result;
        try {
            result = rollout.run(targets, options, progress);
        } finally {
            Interrupts.onCancel(null);
            progress.end();
        }
        if (global.json) {
            out.println(Render.json(json(result)));
        } else {
            summary(result, out);
        }
        return result.exitCode();
    }

    /** Protected environments still need their names typed, all at once, before any target starts. */
    private static boolean confirmed(GlobalOptions global, List<FleetTarget> targets) {
        List<String> prot = targets.stream().filter(FleetTarget::isProtected).map(FleetTarget::name).toList();
        String question = "Apply pending migrations to " + targets.size() + " target(s)" + (prot.isEmpty() ? "" : ", protected: " + String.join(", ", prot)) + "?";
        if (!prot.isEmpty()) {
            return Prompter.confirmByTyping(global, question, String.join(",", prot), "up not run");
        }
        return Prompter.confirm(global, question, "up not run");
    }

    private static void summary(RolloutResult r, PrintWriter out) {
        List<String> counts = new ArrayList<>();
        for (TargetOutcome.State s : TargetOutcome.State.values()) {
            long n = r.count(s);
            if (n > 0) counts.add(n + " " + s.label());
        }
        out.println((r.dryRun() ? "dry run: " : "rollout: ") + r.outcomes().size() + " target(s): " + String.join(", ", counts));
        for (TargetOutcome o : r.outcomes()) {
            if (o.state().ok() || o.state() == TargetOutcome.State.SKIPPED) continue;
            out.println("  " + o.target().name() + ": " + o.state().label() + (o.failedVersion() == null ? "" : " at " + o.failedVersion()) + ": " + o.message());
            if (o.hint() != null) out.println("    hint: " + o.hint());
        }
        long skipped = r.count(TargetOutcome.State.SKIPPED);
        if (skipped > 0) {
            out.println("  " + skipped + " target(s) not started; run the same command again to continue where each target stands");
        }
    }

    private static Map<String, Object> json(RolloutResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dry_run", r.dryRun());
        root.put("targets", r.outcomes().stream().map(FleetUp::target).toList());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (TargetOutcome.State s : TargetOutcome.State.values()) counts.put(s.name().toLowerCase(java.util.Locale.ROOT), r.count(s));
        root.put("summary", counts);
        return root;
    }

    private static Map<String, Object> target(TargetOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.target().name());
        m.put("target", o.display());
        m.put("state", o.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("planned", o.planned().stream().map(ApplyResult.Planned::version).toList());
        m.put("applied", o.applied().stream().map(ApplyResult.Applied::version).toList());
        m.put("failed_version", o.failedVersion());
        m.put("message", o.message());
        m.put("hint", o.hint());
        m.put("duration_ms", o.millis());
        return m;
    }
}
