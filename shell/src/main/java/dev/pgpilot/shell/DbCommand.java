package dev.pgpilot.shell;

import dev.pgpilot.core.db.DatabaseTarget;
import dev.pgpilot.core.db.LocalDatabase;
import dev.pgpilot.core.db.LocalStandIns;
import java.util.List;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "db", description = "The embedded local database: start | stop | status | reset")
final class DbCommand implements Callable<Integer> {
    enum Action { start, stop, status, reset }

    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop, status or reset")
    Action action;

    @Override
    public Integer call() {
        LocalDatabase local = global.pilot().resolver().localDatabase();
        PrintWriter out = spec.commandLine().getOut();
        switch (action) {
            case start -> {
                DatabaseTarget t = local.start();
                out.println("local database running: " + t.display());
            }
            case stop -> out.println(local.stop() ? "local database stopped" : "local database was not running");
            case status -> {
                LocalDatabase.State s = local.state();
                List<LocalStandIns.StandIn> standIns = local.runningTarget().map(LocalStandIns::of).orElse(List.of());
                if (global.json) {
                    out.println(Render.json(Render.fields("initialized", s.initialized(), "running", s.running(), "port", s.port(),
                            "data", local.dataDir().toString(), "supabase_roles", local.hasSupabaseRoles(), "stand_ins", standIns)));
                } else {
                    out.println(s.running() ? "running on 127.0.0.1:" + s.port() + " (" + local.dataDir() + ")"
                            : s.initialized() ? "stopped (" + local.dataDir() + ")" : "not created yet (pgpilot db start creates it)");
                    if (s.initialized() && !local.hasSupabaseRoles()) {
                        out.println("roles: made by an older pgpilot, postgres is a superuser here (not on Supabase); pgpilot db reset rebuilds it");
                    }
                    if (!standIns.isEmpty()) {
                        out.println("local stand-ins for Supabase extensions (* installed in the postgres database):");
                        for (LocalStandIns.StandIn x : standIns) {
                            out.println("  " + (x.installed() ? "* " : "  ") + x.name() + ": " + x.behaviour());
                        }
                    }
                }
            }
            case reset -> {
                if (!global.yes && System.console() == null) {
                    throw dev.pgpilot.core.PilotException.refused("reset deletes the local database; refusing without a terminal",
                            "pass --yes to confirm");
                }
                local.reset();
                DatabaseTarget t = local.start();
                out.println("local database recreated: " + t.display());
            }
        }
        return 0;
    }
}
