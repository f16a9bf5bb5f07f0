package dev.pgpilot.core.api.fleet;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which databases a rollout covers: {@code all} environments of {@code pgpilot.yaml}, a
 * {@code group:NAME} of them, or a targets file. Everything is checked before anything runs, so a
 * typo in line 700 of a tenants file stops the rollout before the first tenant, not after it.
 */
public final class FleetSelection {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private FleetSelection() {}

    /** True for the {@code --env} values that name several targets. */
    public static boolean isFleet(String env) {
        return env != null && (env.equals("all") || env.startsWith("group:"));
    }

    /** {@code all} or {@code group:NAME} of the project's pgpilot.yaml. */
    public static List<FleetTarget> fromProject(java.nio.file.Path workdir, String selector) {
        return fromConfig(Config.load(workdir), selector);
    }

    /** {@code all} or {@code group:NAME}. */
    static List<FleetTarget> fromConfig(Config config, String selector) {
        if (selector.equals("all")) {
            if (config.environments().isEmpty()) {
                throw PilotException.error("no environments to roll out to",
                        "list them under environments: in " + Config.FILE_NAME + " (url_env, protected), or pass --targets FILE");
            }
            return config.environments().values().stream().map(FleetSelection::of).toList();
        }
        String group = selector.substring("group:".length());
        List<String> members = config.groups().get(group);
        if (members == null) {
            throw PilotException.error("unknown group: " + group, config.groups().isEmpty()
                    ? "define it in " + Config.FILE_NAME + ", e.g. groups: {" + (group.isBlank() ? "eu" : group) + ": [staging, prod]}"
                    : "known: " + String.join(", ", config.groups().keySet()));
        }
        if (members.isEmpty()) {
            throw PilotException.error("group " + group + " has no environments", "list environment names under groups: " + group);
        }
        List<FleetTarget> out = new ArrayList<>();
        for (String m : members) {
            out.add(of(config.environment(m)));
        }
        return out;
    }

    private static FleetTarget of(Environment e) {
        return new FleetTarget(e.name(), null, e.name(), e.isProtected());
    }

    /**
     * A targets file: one target per line, {@code [NAME] URL} or {@code [NAME] VARIABLE} (an environment
     * variable holding the URL, like {@code url_env}); blank lines and {@code #} comments are skipped.
     * Without a NAME the variable's name (or the URL's host/port/database) names the target.
     */
    public static List<FleetTarget> fromFile(Path file, Map<String, String> env) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw PilotException.error("cannot read the targets file " + file + ": " + e.getMessage(), null);
        }
        List<FleetTarget> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("\\s+#.*$", "").strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file.getFileName() + ":" + (i + 1);
            FleetTarget t = line(line, where, env);
            Integer before = seen.putIfAbsent(t.name(), i + 1);
            if (before != null) {
                throw PilotException.error(where + ": target " + t.name() + " is already on line " + before,
                        "give each line its own name: NAME URL");
            }
            out.add(t);
        }
        if (out.isEmpty()) {
            throw PilotException.error("the targets file " + file + " lists no targets", "one per line: [NAME] URL or [NAME] VARIABLE");
        }
        return out;
    }

    private static FleetTarget line(String line, String where, Map<String, String> env) {
        String[] parts = line.split("\\s+");
        if (parts.length > 2) {
            throw PilotException.error(where + ": expected [NAME] URL or [NAME] VARIABLE, found " + parts.length + " words",
                    "a URL with spaces must be percent-encoded");
        }
        String name = parts.length == 2 ? parts[0] : null;
        String value = parts[parts.length - 1];
        if (name != null && !NAME.matcher(name).matches()) {
            throw PilotException.error(where + ": bad target name " + name, "use letters, digits, _ . : -");
        }
        String url = value;
        if (!value.contains("://")) {
            if (!VARIABLE.matcher(value).matches()) {
                throw PilotException.error(where + ": " + value + " is neither a URL nor a variable name", "postgresql://... or SOME_DATABASE_URL");
            }
            url = env.get(value);
            if (url == null || url.isBlank()) {
                throw PilotException.error(where + ": $" + value + " is not set", "export " + value + "=postgresql://...");
            }
            if (name == null) name = value;
        }
        DatabaseTarget parsed;
        try {
            parsed = DatabaseTarget.parse(url, name);
        } catch (PilotException e) {
            throw PilotException.error(where + ": " + e.getMessage(), e.hint());
        }
        return new FleetTarget(name == null ? parsed.display() : name, url, null, false);
    }
}
