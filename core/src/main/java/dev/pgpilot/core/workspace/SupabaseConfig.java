package dev.pgpilot.core.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What pgpilot reads from the Supabase CLI's {@code supabase/config.toml}, when the project has one.
 * Only these keys are read; the rest of the file belongs to the CLI and is left alone. A key read
 * here with the wrong type, or a file that is not TOML, is an error naming the file, line and key.
 *
 * @param exists        whether the file is there (all other fields are the CLI's defaults when not)
 * @param dbPort        {@code [db] port}: the port of {@code supabase start}'s database
 * @param majorVersion  {@code [db] major_version}: the PostgreSQL major the project runs on
 * @param seedEnabled   {@code [db.seed] enabled} (default true)
 * @param seedPaths     {@code [db.seed] sql_paths}, glob patterns relative to {@code supabase/} (default {@code ["seed.sql"]})
 * @param apiSchemas    {@code [api] schemas}, exposed over the API; empty when not set
 * @param servicePorts  every {@code port}/{@code shadow_port}/{@code smtp_port}/{@code pop3_port} in the
 *                      file: ports {@code supabase start} will bind, which the embedded database must not take
 */
public record SupabaseConfig(boolean exists, Optional<Integer> dbPort, Optional<Integer> majorVersion, boolean seedEnabled,
                             List<String> seedPaths, List<String> apiSchemas, Set<Integer> servicePorts) {

    public static final String PATH = "supabase/config.toml";
    private static final List<String> DEFAULT_SEED = List.of("seed.sql");
    private static final Set<String> PORT_KEYS = Set.of("port", "shadow_port", "smtp_port", "pop3_port");

    public static SupabaseConfig none() {
        return new SupabaseConfig(false, Optional.empty(), Optional.empty(), true, DEFAULT_SEED, List.of(), Set.of());
    }

    public static SupabaseConfig load(Path workdir) {
        Path file = workdir.resolve(PATH);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw PilotException.error("cannot read " + file + (at == null ? "" : " at line " + at.getLineNr()) + ": " + e.getOriginalMessage(),
                    "fix the TOML syntax there (the Supabase CLI cannot read it either)");
        } catch (IOException e) {
            throw PilotException.error("cannot read " + file + ": " + e.getMessage(), null);
        }
        Reader r = new Reader(file, root);
        JsonNode seed = root.path("db").path("seed");
        Set<Integer> ports = new TreeSet<>();
        collectPorts(root, ports);
        return new SupabaseConfig(true, r.integer("db", "port"), r.integer("db", "major_version"),
                seed.has("enabled") ? r.bool("db", "seed", "enabled") : true,
                seed.has("sql_paths") ? r.strings("db", "seed", "sql_paths") : DEFAULT_SEED,
                root.path("api").has("schemas") ? r.strings("api", "schemas") : List.of(), Set.copyOf(ports));
    }

    private static void collectPorts(JsonNode node, Set<Integer> out) {
        node.properties().forEach(e -> {
            if (PORT_KEYS.contains(e.getKey()) && e.getValue().canConvertToInt() && e.getValue().isIntegralNumber()) {
                out.add(e.getValue().intValue());
            } else if (e.getValue().isObject()) {
                collectPorts(e.getValue(), out);
            }
        });
    }

    /** Typed reads of one key path; a wrong type names the key. */
    private record Reader(Path file, JsonNode root) {
        private JsonNode at(String... keys) {
            JsonNode n = root;
            for (String k : keys) n = n.path(k);
            return n;
        }

        Optional<Integer> integer(String... keys) {
            JsonNode n = at(keys);
            if (n.isMissingNode()) return Optional.empty();
            if (!n.isIntegralNumber() || !n.canConvertToInt()) throw wrong(keys, "a whole number", n);
            return Optional.of(n.intValue());
        }

        boolean bool(String... keys) {
            JsonNode n = at(keys);
            if (!n.isBoolean()) throw wrong(keys, "true or false", n);
            return n.booleanValue();
        }

        List<String> strings(String... keys) {
            JsonNode n = at(keys);
            if (!n.isArray()) throw wrong(keys, "a list of strings", n);
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isTextual()) throw wrong(keys, "a list of strings", n);
                out.add(e.textValue());
            }
            return List.copyOf(out);
        }

        private PilotException wrong(String[] keys, String expected, JsonNode got) {
            String key = keys.length == 1 ? keys[0] : "[" + String.join(".", java.util.Arrays.copyOf(keys, keys.length - 1)) + "] " + keys[keys.length - 1];
            return PilotException.error(file + ": " + key + " must be " + expected + ", not " + got,
                    "fix it in " + PATH + " (the Supabase CLI reads the same key)");
        }
    }
}
