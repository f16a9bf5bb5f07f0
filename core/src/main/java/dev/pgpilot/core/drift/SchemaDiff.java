package dev.pgpilot.core.drift;

import dev.pgpilot.core.catalog.DbObject.Kind;
import dev.pgpilot.core.catalog.DbObject;
import dev.pgpilot.core.catalog.CatalogSnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between the schema the migrations build ("expected") and a real database ("actual").
 *
 * @param onlyInMigrations objects the migrations create that the database lacks
 * @param onlyInDatabase   objects in the database that no migration creates (hand-made changes)
 * @param different        objects in both whose attributes differ
 */
public record SchemaDiff(List<DbObject> onlyInMigrations, List<DbObject> onlyInDatabase, List<Changed> different) {

    /** One object present on both sides with the attributes that differ. */
    public record Changed(DbObject expected, DbObject actual, List<AttributeChange> changes) {
        public Kind kind() {
            return actual.kind();
        }

        public String name() {
            return actual.name();
        }
    }

    /** An attribute value as the migrations leave it and as the database has it (null: absent). */
    public record AttributeChange(String attribute, String expected, String actual) {}

    /** Snapshots from two major versions are compared on what both servers can express (see {@link PrivilegesAcrossVersions}). */
    public static SchemaDiff compare(CatalogSnapshot expectedSnapshot, CatalogSnapshot actualSnapshot) {
        CatalogSnapshot expected = PrivilegesAcrossVersions.comparableWith(expectedSnapshot, actualSnapshot);
        CatalogSnapshot actual = PrivilegesAcrossVersions.comparableWith(actualSnapshot, expectedSnapshot);
        List<DbObject> onlyExpected = new ArrayList<>();
        List<DbObject> onlyActual = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (DbObject e : expected.all()) {
            DbObject a = actual.objects().get(e.key());
            if (a == null) {
                onlyExpected.add(e);
                continue;
            }
            List<AttributeChange> changes = new ArrayList<>();
            TreeSet<String> names = new TreeSet<>(e.attributes().keySet());
            names.addAll(a.attributes().keySet());
            for (String n : names) {
                if (!Objects.equals(e.attr(n), a.attr(n))) {
                    changes.add(new AttributeChange(n, e.attr(n), a.attr(n)));
                }
            }
            if (!changes.isEmpty()) {
                changed.add(new Changed(e, a, changes));
            }
        }
        for (DbObject a : actual.all()) {
            if (!expected.objects().containsKey(a.key())) {
                onlyActual.add(a);
            }
        }
        java.util.Comparator<DbObject> order = java.util.Comparator.comparing(DbObject::kind).thenComparing(DbObject::name);
        onlyExpected.sort(order);
        onlyActual.sort(order);
        changed.sort(java.util.Comparator.comparing(Changed::kind).thenComparing(Changed::name));
        return new SchemaDiff(List.copyOf(onlyExpected), List.copyOf(onlyActual), List.copyOf(changed));
    }

    public boolean isEmpty() {
        return onlyInMigrations.isEmpty() && onlyInDatabase.isEmpty() && different.isEmpty();
    }

    public int size() {
        return onlyInMigrations.size() + onlyInDatabase.size() + different.size();
    }

    /** Human-readable report, grouped; multi-line values are shown on their first differing line. */
    public String toText() {
        if (isEmpty()) {
            return "no drift: the database matches the migrations\n";
        }
        StringBuilder b = new StringBuilder();
        section(b, "only in migrations (missing from the database)", onlyInMigrations);
        section(b, "only in database (not created by any migration)", onlyInDatabase);
        if (!different.isEmpty()) {
            b.append("different (migrations -> database):\n");
            for (Changed c : different) {
                b.append("  ").append(c.kind().label()).append(' ').append(c.name()).append('\n');
                for (AttributeChange a : c.changes()) {
                    b.append("      ").append(a.attribute()).append(": ").append(shorten(a.expected()))
                            .append(" -> ").append(shorten(a.actual())).append('\n');
                }
            }
        }
        b.append(size()).append(" difference(s)\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<DbObject> objects) {
        if (objects.isEmpty()) {
            return;
        }
        b.append(title).append(":\n");
        for (DbObject o : objects) {
            b.append("  ").append(o.kind().label()).append(' ').append(o.name()).append('\n');
        }
    }

    private static String shorten(String v) {
        if (v == null) {
            return "(none)";
        }
        String one = v.strip().replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }

    /** {"drift": bool, "only_in_migrations": [...], "only_in_database": [...], "different": [...]} */
    public String toJson() {
        return json(jsonFields());
    }

    /** The fields of {@link #toJson()}, in order, for a report that adds its own. */
    Map<String, Object> jsonFields() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("drift", !isEmpty());
        root.put("only_in_migrations", onlyInMigrations.stream().map(SchemaDiff::json).toList());
        root.put("only_in_database", onlyInDatabase.stream().map(SchemaDiff::json).toList());
        root.put("different", different.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind().label());
            m.put("name", c.name());
            m.put("changes", c.changes().stream().map(a -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("attribute", a.attribute());
                x.put("migrations", a.expected());
                x.put("database", a.actual());
                return x;
            }).toList());
            return m;
        }).toList());
        return root;
    }

    static String json(Map<String, Object> root) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> json(DbObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", o.kind().label());
        m.put("name", o.name());
        m.put("attributes", o.attributes());
        return m;
    }
}
