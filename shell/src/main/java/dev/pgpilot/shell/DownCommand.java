package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.DownOptions;
import dev.pgpilot.core.api.model.DownResult;
import dev.pgpilot.core.api.model.Reverted;
import dev.pgpilot.core.api.model.MigrationFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "down", description = "Roll back applied migrations with their .down.sql scripts (shows the SQL, asks first)")
final class DownCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Option(names = "--steps", paramLabel = "N", description = "how many of the newest migrations to revert (default 1)")
    Integer steps;

    @Option(names = "--to", paramLabel = "VERSION", description = "revert everything applied after this version")
    String to;

    @Option(names = "--dry-run", description = "show the down scripts that would run, change nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        Pilot pilot = global.project();
        PrintWriter out = spec.commandLine().getOut();
        DownOptions options = new DownOptions(steps, to);
        List<MigrationFile> plan = pilot.downPlan(options);
        String where = pilot.where().display();
        if (!global.json) {
            show(pilot, out, plan, where);
        }
        if (plan.isEmpty() || dryRun) {
            if (global.json) out.println(Render.json(result(pilot, where, plan, List.of())));
            return 0;
        }
        if (!Confirm.change(global, pilot, "Revert " + plan.size() + " migration(s)", "down not run")) {
            out.println(global.json ? Render.json(result(pilot, where, plan, List.of())) : "nothing reverted");
            return 1;
        }
        DownResult r = pilot.down(options);
        if (global.json) {
            out.println(Render.json(result(pilot, where, plan, r.reverted())));
        } else {
            r.reverted().forEach(x -> out.printf("reverted %s_%s (%d ms)%n", x.version(), x.name(), x.millis()));
        }
        return 0;
    }

    /** Each down script with the SQL it runs, as `up` shows what it will apply before asking. */
    private void show(Pilot pilot, PrintWriter out, List<MigrationFile> plan, String where) {
        if (plan.isEmpty()) {
            out.println("nothing to revert on " + where);
            return;
        }
        out.println((dryRun ? "would revert on " : "to revert on ") + where + ":");
        for (MigrationFile f : plan) {
            out.println("-- " + f.downPath().orElseThrow().getFileName());
            String sql = pilot.downSql(f);
            out.print(sql.endsWith("\n") ? sql : sql + "\n");
        }
        out.flush();
    }

    private Map<String, Object> result(Pilot pilot, String where, List<MigrationFile> plan, List<Reverted> reverted) {
        return Render.fields("target", where, "dry_run", dryRun,
                "planned", plan.stream().map(f -> Render.fields("version", f.version(), "name", f.name().name(),
                        "down_file", f.downPath().orElseThrow().getFileName().toString(), "sql", pilot.downSql(f))).toList(),
                "reverted", reverted.stream().map(x -> Render.fields("version", x.version(), "name", x.name(), "duration_ms", x.millis())).toList());
    }
}
