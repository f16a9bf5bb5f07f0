package dev.pgpilot.shell.repl;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.Environment;
import java.util.Map;

/**
 * What the prompt shows about the target: the core's own precedence ({@link TargetResolver#choose})
 * worked out from the options and the config alone, so the first prompt appears without starting or
 * connecting to any database.
 *
 * @param label       "local", an environment name, or host of a URL
 * @param isProtected true for environments marked protected in pgpilot.yaml
 * @param local       the embedded database (nothing to connect to until a command starts it)
 */
public record ReplTarget(String label, boolean isProtected, boolean local) {

    public static ReplTarget describe(String dbUrl, String envName, Map<String, String> env, Config config) {
        TargetResolver.Choice choice;
        try {
            choice = TargetResolver.choose(dbUrl, envName, env, config);
        } catch (RuntimeException e) {
            return new ReplTarget("db", false, false); // a blank DATABASE_URL: the first command that connects says so
        }
        if (choice instanceof TargetResolver.Choice.Url u) return new ReplTarget(hostOf(u.url()), false, false);
        if (choice instanceof TargetResolver.Choice.Named n) return named(n.name(), config);
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
