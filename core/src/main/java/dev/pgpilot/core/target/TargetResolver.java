package dev.pgpilot.core.target;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.Environment;
import dev.pgpilot.core.workspace.Workspace;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides which database a command talks to, in the order of the command contract:
 * {@code --db-url}, then {@code --env NAME}, then {@code DATABASE_URL}, then the config's default
 * environment, then the embedded local database. The embedded database is handed in (started on
 * demand), so resolving a URL never depends on how a local server is run.
 */
public final class TargetResolver {
    private final Workspace workspace;
    private final Map<String, String> env;
    private final Supplier<DatabaseTarget> local;

    /** @param local starts (or finds running) the embedded database; called only when nothing else is chosen */
    public TargetResolver(Workspace workspace, Map<String, String> env, Supplier<DatabaseTarget> local) {
        this.workspace = workspace;
        this.env = env;
        this.local = local;
    }

    /** The environment a target belongs to, when it was chosen by name. */
    public record Resolved(DatabaseTarget target, Environment environment) {
        public boolean isProtected() {
            return environment != null && environment.isProtected();
        }
    }

    /**
     * Which source wins, from the options, the variables and the config alone: nothing is parsed,
     * connected or started, so the shell's prompt can show it before any database is reached.
     */
    public sealed interface Choice {
        /** {@code --db-url} or {@code DATABASE_URL}. */
        record Url(String url) implements Choice {}

        /** {@code --env NAME} or the config's default environment. */
        record Named(String name) implements Choice {}

        /** Nothing chosen: the embedded database. */
        record Local() implements Choice {}
    }

    public static Choice choose(String dbUrl, String envName, Map<String, String> env, Config config) {
        if (dbUrl != null) {
            // given but blank (--db-url " ", an empty CI secret) is refused by parse: never the embedded database instead
            return new Choice.Url(dbUrl);
        }
        if (envName != null && !envName.isBlank()) {
            return new Choice.Named(envName);
        }
        String fromEnv = env.get("DATABASE_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Choice.Url(fromEnv);
        }
        if (fromEnv != null && !fromEnv.isEmpty()) {
            // whitespace only: someone meant to set it; an unset or empty variable still means "not set"
            throw PilotException.error("DATABASE_URL is blank", "unset it to use the embedded database, or set it to postgresql://user:password@host:5432/db");
        }
        String def = config.defaultEnv();
        if (def != null && !def.isBlank() && !def.equals("local")) {
            return new Choice.Named(def);
        }
        return new Choice.Local();
    }

    public Resolved resolve(String dbUrl, String envName) {
        Choice choice = choose(dbUrl, envName, env, workspace.config());
        if (choice instanceof Choice.Url u) return new Resolved(DatabaseTarget.parse(u.url(), null), null);
        if (choice instanceof Choice.Named n) return named(n.name());
        return local();
    }

    public Resolved named(String name) {
        if (name.equals("local") && !workspace.config().environments().containsKey("local")) {
            return local();
        }
        Environment e = workspace.config().environment(name);
        if (e.urlEnv() == null || e.urlEnv().isBlank()) {
            throw PilotException.error("environment " + name + " has no url_env",
                    "set url_env: SOME_VARIABLE in pgpilot.yaml and export SOME_VARIABLE=postgresql://...");
        }
        String url = env.get(e.urlEnv());
        if (url == null || url.isBlank()) {
            throw PilotException.error("environment " + name + ": $" + e.urlEnv() + " is not set",
                    "export " + e.urlEnv() + "=postgresql://user:password@host:5432/postgres");
        }
        return new Resolved(DatabaseTarget.parse(url, name), e);
    }

    public Resolved local() {
        return new Resolved(local.get(), null);
    }
}
