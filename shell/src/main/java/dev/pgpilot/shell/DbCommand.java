package dev.pgpilot.shell;

import dev.pgpilot.core.api.LocalServer;
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
        LocalServer local = global.project().localServer();
        PrintWriter out = spec.commandLine().getOut();
        if (action == Action.start || action == Action.status) {
            local.majorVersionNote().ifPresent(n -> spec.commandLine().getErr().println("note: " + n));
            spec.commandLine().getErr().flush();
        }
        switch (action) {
            case start -> {
                String url = local.start();
                print(out, "local database running: " + url, "running", true, "url", url);
            }
            case stop -> {
                boolean stopped = local.stop();
                print(out, stopped ? "local database stopped" : "local database was not running", "stopped", stopped);
            }
            case status -> {
                LocalServer.Status s = local.status();
                if (global.json) {
                    out.println(Render.json(Render.fields("initialized", s.initialized(), "running", s.running(), "port", s.port(),
                            "data", s.dataDir().toString(), "supabase_roles", s.supabaseRoles(), "stand_ins", s.standIns())));
                } else {
                    out.println(s.running() ? "running on 127.0.0.1:" + s.port() + " (" + s.dataDir() + ")"
                            : s.initialized() ? "stopped (" + s.dataDir() + ")" : "not created yet (pgpilot db start creates it)");
                    if (s.initialized() && !s.supabaseRoles()) {
                        out.println("roles: made by an older pgpilot, postgres is a superuser here (not on Supabase); pgpilot db reset rebuilds it");
                    }
                    if (!s.standIns().isEmpty()) {
                        out.println("local stand-ins for Supabase extensions (* installed in the postgres database):");
                        for (LocalServer.StandIn x : s.standIns()) {
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
                String url = local.recreate();
                print(out, "local database recreated: " + url, "recreated", true, "url", url);
            }
        }
        return 0;
    }

    /** The text line, or with --json one object of the given fields. */
    private void print(PrintWriter out, String text, Object... jsonFields) {
        out.println(global.json ? Render.json(Render.fields(jsonFields)) : text);
    }
}
