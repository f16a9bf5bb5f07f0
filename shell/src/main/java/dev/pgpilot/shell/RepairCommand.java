package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.RepairResult;
import dev.pgpilot.core.api.model.RepairStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "repair", description = "Fix the history of one version without running SQL (asks first)")
final class RepairCommand implements Callable<Integer> {
    enum State { applied, reverted }

    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VERSION")
    String version;

    @Option(names = "--status", required = true, paramLabel = "applied|reverted",
            description = "applied: record the file as it is now; reverted: forget that it ran")
    State status;

    @Override
    public Integer call() {
        Pilot pilot = global.project();
        PrintWriter out = spec.commandLine().getOut();
        if (!Confirm.change(global, pilot, "Mark " + version + " as " + status + " in the history (no SQL runs)", "repair not run")) {
            out.println(global.json ? Render.json(Render.fields("version", version, "status", status.name(), "changed", false)) : "history unchanged");
            return 1;
        }
        RepairResult r = pilot.repair(version, status == State.applied ? RepairStatus.APPLIED : RepairStatus.REVERTED);
        out.println(global.json ? Render.json(Render.fields("version", r.version(), "status", status.name(), "changed", r.changed()))
                : r.changed() ? "recorded " + r.version() + " as " + status : r.version() + " was already " + status + "; nothing changed");
        return 0;
    }
}
