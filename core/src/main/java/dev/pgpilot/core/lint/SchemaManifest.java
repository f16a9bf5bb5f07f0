package dev.pgpilot.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's canonical objects, {@code supabase/schema-manifest.json} (opt-in: the manifest
 * rules do nothing without it): {@code tables} and {@code enums} that may exist, {@code deprecated}
 * names that must not be used any more, and optionally {@code columns} per table. Names without a
 * schema mean {@code public}.
 */
public record SchemaManifest(Set<String> tables, Set<String> enums, Set<String> deprecated, Map<String, Set<String>> columns) {
    public static final String FILE = "supabase/schema-manifest.json";

    /** The manifest of a workdir, or null when the project has none. An invalid one is an error naming the file. */
    public static SchemaManifest load(Path workdir) {
        Path file = workdir.resolve(FILE);
        if (!Files.exists(file)) return null;
        try {
            return parse(Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            throw PilotException.error("invalid " + FILE + ": " + e.getMessage().split("\n")[0],
                    "expected {\"tables\": [...], \"enums\": [...] or {name: [values]}, \"deprecated\": [...], \"columns\": {table: [...]}}");
        }
    }

    public static SchemaManifest parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("tables", "enums", "deprecated", "columns").contains(f)) throw new IllegalArgumentException("unknown key \"" + f + "\"");
        }
        Map<String, Set<String>> columns = new HashMap<>();
        JsonNode cols = root.path("columns");
        if (!cols.isMissingNode() && !cols.isObject()) throw new IllegalArgumentException("\"columns\" must be an object");
        cols.fields().forEachRemaining(e -> columns.put(qualify(e.getKey()), names(e.getValue(), "columns." + e.getKey(), false)));
        return new SchemaManifest(names(root.path("tables"), "tables", true), names(root.path("enums"), "enums", true),
                names(root.path("deprecated"), "deprecated", true), columns);
    }

    private static Set<String> names(JsonNode node, String key, boolean qualify) {
        Set<String> out = new HashSet<>();
        if (node.isMissingNode()) return out;
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(n -> out.add(qualify ? qualify(n) : n.toLowerCase()));
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                if (!n.isTextual()) throw new IllegalArgumentException("\"" + key + "\" must list names as strings");
                out.add(qualify ? qualify(n.asText()) : n.asText().toLowerCase());
            }
        } else {
            throw new IllegalArgumentException("\"" + key + "\" must be a list of names");
        }
        return out;
    }

    private static String qualify(String name) {
        String n = name.trim().toLowerCase();
        return n.contains(".") ? n : "public." + n;
    }
}
