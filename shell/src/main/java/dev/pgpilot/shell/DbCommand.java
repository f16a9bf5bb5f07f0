package dev.pgpilot.shell;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.local.LocalDatabase;
import dev.pgpilot.core.local.LocalStandIns;
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
        dev.pgpilot.core.api.Pilot pilot = global.project();
        LocalDatabase local = pilot.localDatabase();
        PrintWriter out = spec.commandLine().getOut();
        if (action == Action.start || action == Action.status) {
            LocalDatabase.majorVersionNote(pilot.workspace().supabaseConfig()).ifPresent(n -> spec.commandLine().getErr().println("note: " + n));
            spec.commandLine().getErr().flush();
        }
        switch (action) {
            case start -> {
                DatabaseTarget t = local.start();
                print(out, "local database running: " + t.display(), "running", true, "url", t.display());
            }
            case stop -> {
                boolean stopped = local.stop();
                print(out, stopped ? "local database stopped" : "local database was not running", "stopped", stopped);
            }
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
                // it deletes every database of the local server, so it asks like `reset` does (--yes, or no terminal: refused)
                if (!Prompter.confirm(global, "Delete the local database in " + local.dataDir() + " (every database on it) and create it again?",
                        "db reset not run")) {
                    print(out, "nothing changed", "recreated", false);
                    return 1;
                }
                local.reset();
                DatabaseTarget t = local.start();
                print(out, "local database recreated: " + t.display(), "recreated", true, "url", t.display());
            }
        }
        return 0;
    }

    /** The text line, or with --json one object of the given fields. */
    private void print(PrintWriter out, String text, Object... jsonFields) {
        out.println(global.json ? Render.json(Render.fields(jsonFields)) : text);
    }
}
