package dev.pgpilot.core.api.fleet;

import dev.pgpilot.core.api.model.UpOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A rollout in its own JVM (args: workdir, targets file, parallel), for the two-process test. */
public final class FleetProcess {
    public static void main(String[] args) {
        List<FleetTarget> targets = FleetSelection.fromFile(Path.of(args[1]), Map.of());
        RolloutResult r = new Rollout(Path.of(args[0]), "cli", "proc-" + ProcessHandle.current().pid(), Clock.systemUTC(), Map.of())
                .run(targets, new Rollout.Options(Integer.parseInt(args[2]), Rollout.Policy.STOP_ON_FAILURE, null, UpOptions.all()),
                        RolloutListener.NONE);
        r.outcomes().forEach(o -> System.out.println(o.target().name() + " " + o.state().label() + " " + o.applied().size()
                + (o.message() == null ? "" : " " + o.message())));
        System.exit(r.exitCode());
    }
}
