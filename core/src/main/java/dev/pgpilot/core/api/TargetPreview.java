package dev.pgpilot.core.api;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.Environment;
import java.util.Map;

/**
 * What a prompt can say about the target before any database is reached: the core's own precedence
 * ({@link TargetResolver#choose}) worked out from the options, the variables and the config alone,
 * so nothing is parsed for a connection, started or connected.
 *
 * @param label       "local", an environment name, or the host of a URL (never its password)
 * @param isProtected true for environments marked protected in pgpilot.yaml
 * @param local       true when the embedded database is the target
 */
public record TargetPreview(String label, boolean isProtected, boolean local) {

    static TargetPreview describe(String dbUrl, String envName, Map<String, String> env, Config config) {
        TargetResolver.Choice choice;
        try {
            choice = TargetResolver.choose(dbUrl, envName, env, config);
        } catch (RuntimeException e) {
            return new TargetPreview("db", false, false); // a blank DATABASE_URL: the first command that connects says so
        }
        if (choice instanceof TargetResolver.Choice.Url u) return new TargetPreview(hostOf(u.url()), false, false);
        if (choice instanceof TargetResolver.Choice.Named n) return named(n.name(), config);
        return new TargetPreview("local", false, true);
    }

    private static TargetPreview named(String name, Config config) {
        Environment e = config.environments().get(name);
        if (e == null) {
            return new TargetPreview(name.equals("local") ? "local" : name, false, name.equals("local"));
        }
        return new TargetPreview(name, e.isProtected(), false);
    }

    private static String hostOf(String url) {
        try {
            return DatabaseTarget.parse(url, null).host();
        } catch (RuntimeException e) {
            return "db";
        }
    }
}
