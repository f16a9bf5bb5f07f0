package dev.pgpilot.core.catalog;

import java.util.Map;
import java.util.TreeMap;

/**
 * One schema object as the catalog describes it: its kind, its qualified name and the attributes
 * that matter for drift (already rendered by the server's own deparsers, so two databases built the
 * same way produce equal strings).
 */
public record DbObject(Kind kind, String name, Map<String, String> attributes) {
    /** The kinds of objects drift compares, in the order reports list them. */
    public enum Kind {
        TABLE("table"), COLUMN("column"), CONSTRAINT("constraint"), INDEX("index"), POLICY("policy"),
        FUNCTION("function"), TRIGGER("trigger"), ENUM("enum"), VIEW("view"), GRANT("grant"), COMMENT("comment"),
        EXTENSION("extension"), PUBLICATION("publication");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DbObject {
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** Unique key inside a snapshot. */
    public String key() {
        return kind.label() + " " + name;
    }

    public String attr(String a) {
        return attributes.get(a);
    }
}
