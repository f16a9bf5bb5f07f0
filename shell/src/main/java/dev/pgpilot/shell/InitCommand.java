package dev.pgpilot.shell;

import dev.pgpilot.core.Pilot;
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
        Pilot.InitResult r = global.pilot().init();
        spec.commandLine().getOut().println("migrations: " + r.migrationsDir());
        spec.commandLine().getOut().println("config:     " + r.configFile() + (r.createdConfig() ? " (created)" : " (kept)"));
        return 0;
    }
}
