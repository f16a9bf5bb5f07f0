package dev.pgpilot.core.rlstest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One RLS test file (format documented in core/src/test/resources/rlstest/notes_owner.yaml):
 * setup SQL run as the connecting user, then steps each run as a role and a user id.
 */
public record RlsTestFile(Path path, String name, String setup, List<Step> steps) {
    static final Set<String> ROLES = Set.of("authenticated", "anon", "service_role");

    /**
     * One query run as {@code role}, with {@code user} as the JWT subject (null for anon) and
     * {@code claims} the other JWT claims (email, app_metadata, aal, ...; empty when none).
     */
    public record Step(String name, String role, String user, Map<String, JsonNode> claims, String sql, Expectation expect) {}

    /** What a step must produce. */
    public sealed interface Expectation {
        record Rows(int count) implements Expectation {}

        /** Rows in order, each column compared as text. */
        record RowsEqual(List<Map<String, String>> rows) implements Expectation {}

        /** {@code permission_denied} (SQLSTATE 42501, which RLS violations also raise) or {@code any}. */
        record Error(String kind) implements Expectation {}
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static RlsTestFile load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw bad(file, "is not valid YAML: " + msg);
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "must be a mapping with name, setup and steps");
        }
        known(file, "", root, Set.of("name", "setup", "steps"));
        String name = root.path("name").asText(file.getFileName().toString());
        String setup = root.path("setup").isMissingNode() ? "" : root.get("setup").asText();
        JsonNode stepsNode = root.path("steps");
        if (!stepsNode.isArray() || stepsNode.isEmpty()) {
            throw bad(file, "needs a non-empty steps: list");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            steps.add(step(file, "steps[" + (i + 1) + "]", stepsNode.get(i)));
        }
        return new RlsTestFile(file, name, setup, List.copyOf(steps));
    }

    private static Step step(Path file, String where, JsonNode n) {
        if (!n.isObject()) {
            throw bad(file, where + " must be a mapping with name, as, sql, expect");
        }
        known(file, where, n, Set.of("name", "as", "sql", "expect"));
        String name = n.path("name").asText(where);
        JsonNode as = n.path("as");
        if (!as.isObject()) {
            throw bad(file, where + " (" + name + "): as must be a mapping with role, and optionally user, email, claims");
        }
        known(file, where + " (" + name + "): as", as, Set.of("role", "user", "email", "claims"));
        String role = as.path("role").asText("");
        if (!ROLES.contains(role)) {
            throw bad(file, where + " (" + name + "): as.role '" + role + "' is not one of authenticated, anon, service_role");
        }
        String user = as.path("user").isMissingNode() || as.path("user").isNull() ? null : as.path("user").asText();
        if (user != null) {
            try {
                UUID.fromString(user);
            } catch (IllegalArgumentException e) {
                throw bad(file, where + " (" + name + "): as.user '" + user + "' is not a uuid");
            }
        }
        Map<String, JsonNode> claims = claims(file, where + " (" + name + ")", as);
        String sql = n.path("sql").asText("");
        if (sql.isBlank()) {
            throw bad(file, where + " (" + name + "): sql is missing");
        }
        return new Step(name, role, user, claims, sql, expectation(file, where + " (" + name + ")", n.path("expect")));
    }

    /** as.email and any as.claims; role and sub come from as.role and as.user only, so they cannot disagree. */
    private static Map<String, JsonNode> claims(Path file, String where, JsonNode as) {
        Map<String, JsonNode> claims = new LinkedHashMap<>();
        if (as.has("email")) {
            claims.put("email", as.get("email"));
        }
        JsonNode extra = as.path("claims");
        if (!extra.isMissingNode()) {
            if (!extra.isObject()) {
                throw bad(file, where + ": as.claims must be a mapping of JWT claims (email, app_metadata, aal, ...)");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("role") || f.getKey().equals("sub")) {
                    throw bad(file, where + ": as.claims." + f.getKey() + " is set by as." + (f.getKey().equals("sub") ? "user" : "role"));
                }
                if (claims.containsKey(f.getKey())) {
                    throw bad(file, where + ": claim '" + f.getKey() + "' is given twice (as." + f.getKey() + " and as.claims)");
                }
                claims.put(f.getKey(), f.getValue());
            }
        }
        return Map.copyOf(claims);
    }

    private static Expectation expectation(Path file, String where, JsonNode e) {
        if (e.has("rows") && e.get("rows").canConvertToInt()) {
            return new Expectation.Rows(e.get("rows").asInt());
        }
        if (e.has("rows_equal") && e.get("rows_equal").isArray()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (JsonNode r : e.get("rows_equal")) {
                Map<String, String> row = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    row.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
                }
                rows.add(row);
            }
            return new Expectation.RowsEqual(List.copyOf(rows));
        }
        if (e.has("error")) {
            String kind = e.get("error").asText();
            if (!kind.equals("permission_denied") && !kind.equals("any")) {
                throw bad(file, where + ": expect.error '" + kind + "' is not permission_denied or any");
            }
            return new Expectation.Error(kind);
        }
        throw bad(file, where + ": expect must be {rows: N}, {rows_equal: [...]} or {error: permission_denied|any}");
    }

    private static void known(Path file, String where, JsonNode n, Set<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw bad(file, (where.isEmpty() ? "" : where + ": ") + "unknown key '" + f + "' (expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static PilotException bad(Path file, String what) {
        return PilotException.error(file + ": " + what, "see \"RLS test files\" in the README (name, setup, steps: [{name, as: {role, user, email, claims}, sql, expect}])");
    }
}
