package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.ResetResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reset", description = "Drop everything and re-apply every migration (embedded database or a resettable environment only)")
final class ResetCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Pilot pilot = global.project();
        pilot.checkResetAllowed();
        if (!Prompter.confirm(global, "drop everything in " + pilot.where().label() + " and re-apply all migrations?", "reset")) {
            spec.commandLine().getOut().println(global.json ? Render.json(Render.fields("reset", false)) : "nothing changed");
            return 1;
        }
        ResetResult r = pilot.reset();
        if (!global.json) r.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().println(global.json ? Render.json(Render.fields("reset", true, "target", r.target(), "applied", r.applied(),
                        "seeded", r.seeded(), "warnings", r.warnings()))
                : "reset " + r.target() + ": applied " + r.applied() + " migration(s)"
                        + (r.seeded().isEmpty() ? "" : ", seeded " + String.join(", ", r.seeded())));
        return 0;
    }
}
