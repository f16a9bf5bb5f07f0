package dev.pgpilot.core.drift;

import dev.pgpilot.core.catalog.DbObject.Kind;
import dev.pgpilot.core.catalog.DbObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a drift report into SQL that makes the migrations match the database, for the object kinds
 * plain DDL can express without guessing: extensions, columns, indexes, constraints, RLS switches,
 * policies, grants, comments and the tables a publication carries. Whole tables, functions, triggers, enums and views are listed as not
 * expressed: writing them back needs a human to decide (data, ordering, dependencies).
 *
 * @param sql           the statements, in the house section order; empty when there is nothing to write
 * @param notExpressed  one line per difference left for a human
 */
public record DriftMigration(String sql, List<String> notExpressed) {

    public boolean isEmpty() {
        return sql.isBlank();
    }

    public static DriftMigration from(SchemaDiff diff) {
        List<String> extensions = new ArrayList<>();
        List<String> publications = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        List<String> rls = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        List<String> grants = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<String> left = new ArrayList<>();

        // Columns, grants, comments ... of a table, view or function that exists on one side only go with
        // that object, which is left to a human: a grant on a function the migrations never create would fail.
        java.util.Set<String> wholeObjects = new java.util.HashSet<>();
        for (List<DbObject> side : List.of(diff.onlyInDatabase(), diff.onlyInMigrations())) {
            side.stream().filter(o -> o.kind() == Kind.TABLE || o.kind() == Kind.VIEW || o.kind() == Kind.FUNCTION)
                    .forEach(o -> wholeObjects.add(o.kind().label() + " " + o.name()));
        }
        for (DbObject o : diff.onlyInDatabase()) {
            if (belongsToWholeObject(o, wholeObjects)) {
                continue;
            }
            switch (o.kind()) {
                case COLUMN -> columns.add("alter table " + parent(o.name()) + " add column if not exists " + leaf(o.name()) + " "
                        + columnSpec(o) + ";");
                case INDEX -> indexes.add(o.attr("definition").replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS ") + ";");
                case CONSTRAINT -> constraints.add("alter table " + parent(o.name()) + " add constraint " + leaf(o.name()) + " "
                        + o.attr("definition") + ";");
                case POLICY -> policies.add(createPolicy(o));
                case GRANT -> grants.add(grant(o));
                case COMMENT -> comments.add(comment(o.name(), o.attr("text")));
                case EXTENSION -> extensions.add("create extension if not exists " + o.name() + " with schema " + o.attr("schema") + ";");
                default -> left.add("only in database: " + o.kind().label() + " " + o.name());
            }
        }
        for (DbObject o : diff.onlyInMigrations()) {
            if (belongsToWholeObject(o, wholeObjects)) {
                continue;
            }
            switch (o.kind()) {
                case COLUMN -> columns.add("alter table " + parent(o.name()) + " drop column if exists " + leaf(o.name()) + ";");
                case INDEX -> indexes.add("drop index if exists " + o.name() + ";");
                case CONSTRAINT -> constraints.add("alter table " + parent(o.name()) + " drop constraint if exists " + leaf(o.name()) + ";");
                case POLICY -> policies.add("drop policy if exists " + leaf(o.name()) + " on " + parent(o.name()) + ";");
                case GRANT -> grants.add(revoke(o));
                case COMMENT -> comments.add(comment(o.name(), null));
                case EXTENSION -> extensions.add("drop extension if exists " + o.name() + ";");
                default -> left.add("only in migrations: " + o.kind().label() + " " + o.name());
            }
        }
        for (SchemaDiff.Changed c : diff.different()) {
            DbObject a = c.actual();
            switch (c.kind()) {
                case TABLE -> {
                    for (SchemaDiff.AttributeChange ch : c.changes()) {
                        switch (ch.attribute()) {
                            case "rls_enabled" -> rls.add("alter table " + a.name() + ("true".equals(ch.actual()) ? " enable" : " disable") + " row level security;");
                            case "rls_forced" -> rls.add("alter table " + a.name() + ("true".equals(ch.actual()) ? " force" : " no force") + " row level security;");
                            default -> left.add("different: table " + a.name() + " " + ch.attribute());
                        }
                    }
                }
                case COLUMN -> {
                    for (SchemaDiff.AttributeChange ch : c.changes()) {
                        String alter = "alter table " + parent(a.name()) + " alter column " + leaf(a.name());
                        switch (ch.attribute()) {
                            case "type" -> columns.add(alter + " type " + ch.actual() + ";");
                            case "default" -> columns.add(alter + (ch.actual() == null ? " drop default;" : " set default " + ch.actual() + ";"));
                            case "not_null" -> columns.add(alter + ("true".equals(ch.actual()) ? " set not null;" : " drop not null;"));
                            default -> left.add("different: column " + a.name() + " " + ch.attribute());
                        }
                    }
                }
                case INDEX -> {
                    indexes.add("drop index if exists " + a.name() + ";");
                    indexes.add(a.attr("definition") + ";");
                }
                case CONSTRAINT -> {
                    constraints.add("alter table " + parent(a.name()) + " drop constraint if exists " + leaf(a.name()) + ";");
                    constraints.add("alter table " + parent(a.name()) + " add constraint " + leaf(a.name()) + " " + a.attr("definition") + ";");
                }
                case POLICY -> policies.add(createPolicy(a));
                case GRANT -> grants.add(grant(a)); // grant() starts with revoke all
                case COMMENT -> comments.add(comment(a.name(), a.attr("text")));
                case PUBLICATION -> {
                    if (c.changes().stream().allMatch(ch -> ch.attribute().equals("tables")) && !publicationTableChanges(c).isEmpty()) {
                        publications.addAll(publicationTableChanges(c));
                    } else {
                        left.add("different: publication " + a.name() + " ("
                                + String.join(", ", c.changes().stream().map(SchemaDiff.AttributeChange::attribute).toList()) + ")");
                    }
                }
                default -> left.add("different: " + c.kind().label() + " " + c.name() + " ("
                        + String.join(", ", c.changes().stream().map(SchemaDiff.AttributeChange::attribute).toList()) + ")");
            }
        }
        StringBuilder sql = new StringBuilder();
        section(sql, "extensions", extensions);
        section(sql, "columns", columns);
        section(sql, "indexes", indexes);
        section(sql, "constraints", constraints);
        section(sql, "row level security", rls);
        section(sql, "policies", policies);
        section(sql, "grants", grants);
        section(sql, "comments", comments);
        section(sql, "publications", publications);
        return new DriftMigration(sql.toString(), List.copyOf(left));
    }

    /**
     * ALTER PUBLICATION ... ADD/DROP TABLE for each table the database's publication carries that the
     * migrations' does not, and back; empty when one side publishes all tables (not a list to edit).
     */
    private static List<String> publicationTableChanges(SchemaDiff.Changed c) {
        java.util.Set<String> expected = publishedTables(c.expected());
        java.util.Set<String> actual = publishedTables(c.actual());
        if (expected == null || actual == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        actual.stream().filter(t -> !expected.contains(t)).sorted()
                .forEach(t -> out.add("alter publication " + c.name() + " add table " + t + ";"));
        expected.stream().filter(t -> !actual.contains(t)).sorted()
                .forEach(t -> out.add("alter publication " + c.name() + " drop table " + t + ";"));
        return out;
    }

    /** null for a FOR ALL TABLES publication. */
    private static java.util.Set<String> publishedTables(DbObject publication) {
        String tables = publication.attr("tables");
        if ("all tables".equals(tables)) return null;
        return tables == null ? java.util.Set.of() : java.util.Set.of(tables.split(", "));
    }

    /** @param whole "table X", "view X", "function X(args)" present on one side only */
    private static boolean belongsToWholeObject(DbObject o, java.util.Set<String> whole) {
        return switch (o.kind()) {
            case COLUMN, CONSTRAINT, POLICY, TRIGGER -> whole.contains("table " + parent(o.name()));
            case INDEX -> whole.stream().anyMatch(w -> w.startsWith("table ") && (o.attr("definition").contains(" ON " + w.substring(6) + " ")
                    || o.attr("definition").contains(" ON ONLY " + w.substring(6) + " ")));
            case GRANT -> whole.contains(o.name().substring(0, o.name().lastIndexOf(" to ")));
            case COMMENT -> whole.contains(o.name()) || (o.name().startsWith("column ")
                    && whole.contains("table " + parent(o.name().substring("column ".length()))));
            default -> false;
        };
    }

    private static void section(StringBuilder b, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        b.append("-- ").append(title).append('\n');
        lines.forEach(l -> b.append(l).append('\n'));
        b.append('\n');
    }

    private static String columnSpec(DbObject o) {
        StringBuilder b = new StringBuilder(o.attr("type"));
        if (o.attr("identity") != null) {
            b.append(" generated ").append(o.attr("identity")).append(" as identity");
        }
        if (o.attr("generated") != null) {
            b.append(" generated always as (").append(o.attr("generated")).append(") stored");
        }
        if (o.attr("default") != null) {
            b.append(" default ").append(o.attr("default"));
        }
        if ("true".equals(o.attr("not_null"))) {
            b.append(" not null");
        }
        return b.toString();
    }

    private static String createPolicy(DbObject p) {
        StringBuilder b = new StringBuilder("drop policy if exists ").append(leaf(p.name())).append(" on ").append(parent(p.name())).append(";\n");
        b.append("create policy ").append(leaf(p.name())).append(" on ").append(parent(p.name()))
                .append(" as ").append(p.attr("mode")).append(" for ").append(p.attr("command"))
                .append(" to ").append(p.attr("roles") == null ? "public" : p.attr("roles"));
        if (p.attr("using") != null) {
            b.append(" using (").append(p.attr("using")).append(')');
        }
        if (p.attr("with_check") != null) {
            b.append(" with check (").append(p.attr("with_check")).append(')');
        }
        return b.append(';').toString();
    }

    /** Grant names look like "table public.t to anon" / "function public.f(a integer) to anon". */
    private static String grant(DbObject g) {
        String[] parts = splitGrant(g.name());
        List<String> plain = new ArrayList<>();
        List<String> withOption = new ArrayList<>();
        for (String p : g.attr("privileges").split(", ")) {
            if (p.endsWith(" with grant option")) {
                withOption.add(p.substring(0, p.length() - " with grant option".length()));
            } else {
                plain.add(p);
            }
        }
        StringBuilder b = new StringBuilder("revoke all on ").append(parts[0]).append(" from ").append(parts[1]).append(';');
        if (!plain.isEmpty()) {
            b.append("\ngrant ").append(String.join(", ", plain).toLowerCase()).append(" on ").append(parts[0]).append(" to ").append(parts[1]).append(';');
        }
        if (!withOption.isEmpty()) {
            b.append("\ngrant ").append(String.join(", ", withOption).toLowerCase()).append(" on ").append(parts[0]).append(" to ").append(parts[1])
                    .append(" with grant option;");
        }
        return b.toString();
    }

    private static String revoke(DbObject g) {
        String[] parts = splitGrant(g.name());
        return "revoke all on " + parts[0] + " from " + parts[1] + ";";
    }

    private static String[] splitGrant(String name) {
        int at = name.lastIndexOf(" to ");
        String object = name.substring(0, at);
        // GRANT ... ON VIEW is not valid syntax; views take ON TABLE.
        if (object.startsWith("view ")) {
            object = "table " + object.substring(5);
        }
        return new String[] {object, name.substring(at + 4)};
    }

    private static String comment(String name, String text) {
        return "comment on " + name + " is " + (text == null ? "null" : "'" + text.replace("'", "''") + "'") + ";";
    }

    /** "a.b.c" -> "a.b": every name part is already quote_ident-ed, so dots inside quotes are rare; handle them anyway. */
    static String parent(String qualified) {
        int i = lastDot(qualified);
        return qualified.substring(0, i);
    }

    static String leaf(String qualified) {
        return qualified.substring(lastDot(qualified) + 1);
    }

    private static int lastDot(String s) {
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') quoted = !quoted;
            else if (ch == '.' && !quoted) last = i;
        }
        return last;
    }
}
