package dev.pgpilot.shell;

import dev.pgpilot.core.Pilot;
import dev.pgpilot.core.db.Rollback;
import dev.pgpilot.core.workspace.MigrationFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "down", description = "Roll back applied migrations with their .down.sql scripts (asks first)")
final class DownCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Option(names = "--steps", paramLabel = "N", description = "how many of the newest migrations to revert (default 1)")
    Integer steps;

    @Option(names = "--to", paramLabel = "VERSION", description = "revert everything applied after this version")
    String to;

    @Override
    public Integer call() {
        Pilot pilot = global.pilot();
        PrintWriter out = spec.commandLine().getOut();
        Rollback.DownOptions options = new Rollback.DownOptions(steps, to);
        List<MigrationFile> plan = pilot.downPlan(options);
        String where = pilot.target().target().display();
        if (plan.isEmpty()) {
            out.println("nothing to revert on " + where);
            return 0;
        }
        out.println("to revert on " + where + ":");
        plan.forEach(f -> out.println("  " + f.downPath().orElseThrow().getFileName()));
        out.flush();
        if (!Confirm.change(global, pilot, "Revert " + plan.size() + " migration(s)", "down not run")) {
            out.println("nothing reverted");
            return 1;
        }
        Rollback.DownResult r = pilot.down(options);
        r.reverted().forEach(x -> out.printf("reverted %s_%s (%d ms)%n", x.version(), x.name(), x.millis()));
        return 0;
    }
}
