package dev.pgpilot.core.engine;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.UpOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** `up` in its own JVM, for the tests that need separate processes (concurrent runs, kill -9). */
public final class UpProcess {
    public static void main(String[] args) {
        Pilot pilot = new Pilot(new Pilot.Options(Path.of(args[0]), args[1], null, "cli", "proc-" + ProcessHandle.current().pid()),
                Clock.systemUTC(), Map.of());
        try {
            ApplyResult r = pilot.up(UpOptions.all(), new ApplyListener() {
                @Override
                public void starting(dev.pgpilot.core.api.model.MigrationFile file) {
                    System.out.println("starting " + file.version());
                    System.out.flush();
                }
            });
            System.out.println("applied " + r.applied().size());
            System.exit(0);
        } catch (PilotException e) {
            System.out.println("error " + e.getMessage());
            System.exit(e.exitCode());
        }
    }
}
