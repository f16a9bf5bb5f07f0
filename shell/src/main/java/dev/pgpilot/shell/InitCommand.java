package dev.pgpilot.shell;

import dev.pgpilot.core.api.InitResult;
import dev.pgpilot.core.api.Pilot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", description = "Create supabase/migrations/ and pgpilot.yaml")
final class InitCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        InitResult r = global.pilot().init();
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (global.json) {
            out.println(Render.json(Render.fields("migrations", r.migrationsDir().toString(), "config", r.configFile().toString(),
                    "created_config", r.createdConfig())));
            return 0;
        }
        out.println("migrations: " + r.migrationsDir());
        out.println("config:     " + r.configFile() + (r.createdConfig() ? " (created)" : " (kept)"));
        out.println("next: pgpilot new \"create table notes with body text\" plans a first migration; pgpilot shell asks before writing it");
        return 0;
    }
}
