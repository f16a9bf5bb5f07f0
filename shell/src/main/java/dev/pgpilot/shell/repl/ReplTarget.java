package dev.pgpilot.shell.repl;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.Environment;
import java.util.Map;

/**
 * What the prompt shows about the target, worked out from the options and the config alone (the
 * same precedence as TargetResolver) so the first prompt appears without starting or connecting
 * to any database.
 *
 * @param label       "local", an environment name, or host of a URL
 * @param isProtected true for environments marked protected in pgpilot.yaml
 * @param local       the embedded database (nothing to connect to until a command starts it)
 */
public record ReplTarget(String label, boolean isProtected, boolean local) {

    public static ReplTarget describe(String dbUrl, String envName, Map<String, String> env, Config config) {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return new ReplTarget(hostOf(dbUrl), false, false);
        }
        if (envName != null && !envName.isBlank()) {
            return named(envName, config);
        }
        String fromEnv = env.get("DATABASE_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ReplTarget(hostOf(fromEnv), false, false);
        }
        String def = config.defaultEnv();
        if (def != null && !def.isBlank() && !def.equals("local")) {
            return named(def, config);
        }
        return new ReplTarget("local", false, true);
    }

    private static ReplTarget named(String name, Config config) {
        Environment e = config.environments().get(name);
        if (e == null) {
            return new ReplTarget(name.equals("local") ? "local" : name, false, name.equals("local"));
        }
        return new ReplTarget(name, e.isProtected(), false);
    }

    private static String hostOf(String url) {
        try {
            return DatabaseTarget.parse(url, null).host();
        } catch (RuntimeException e) {
            return "db";
        }
    }
}
