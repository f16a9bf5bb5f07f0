package dev.pgpilot.core.rlstest;

import dev.pgpilot.core.request.Catalog;
import dev.pgpilot.core.request.ChangeRequest;
import dev.pgpilot.core.request.ChangeRequest.CreatePolicy;
import dev.pgpilot.core.request.ChangeRequest.CreateTable;
import dev.pgpilot.core.request.ChangeSet;
import dev.pgpilot.core.request.ColumnDef;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The RLS test file {@code new --rls-test} writes beside a migration whose policies say "owners
 * only" ({@code (select auth.uid()) = owner_column}): one row owned by a fresh user, then per
 * command the owner may act on it and another user may not (reads and update/delete find nothing,
 * an insert claiming the owner's id is refused). Other kinds of policy (public, members, admins)
 * get no file; {@link Result#skipped()} says so, as it does when no row can be made up for a table.
 *
 * <p>Update and delete steps carry no WHERE and no column reads on purpose: PostgreSQL would also
 * apply the table's SELECT policies to them, and a migration that grants only "update" must still
 * pass its own test.
 */
public final class OwnerRlsTestGenerator {
    /** @param yaml the file's text, null when no table qualified; @param skipped what got no test, and why */
    public record Result(String yaml, List<String> skipped) {}

    private static final List<String> ORDER = List.of("select", "update", "delete", "insert");
    private static final String UID = "(select auth.uid()) = ";

    /** A column as far as a made-up row needs it. */
    private record Col(String name, String type, boolean required, QualifiedName references) {}

    /** A table whose new policies are owner policies: its owner column, columns and the commands covered. */
    private record Target(QualifiedName table, String owner, List<Col> columns, Set<String> commands) {}

    private OwnerRlsTestGenerator() {}

    public static Result generate(ChangeSet set, Catalog catalog, String title) {
        return generate(set, catalog, title, UUID::randomUUID);
    }

    /** @param ids fresh user ids (random in use, so the test never meets a real user's rows) */
    public static Result generate(ChangeSet set, Catalog catalog, String title, Supplier<UUID> ids) {
        Map<String, Target> targets = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        Set<String> newEnums = new LinkedHashSet<>();
        for (ChangeRequest c : set.changes()) {
            if (c instanceof ChangeRequest.CreateEnum e) {
                newEnums.add(e.type().display());
            } else if (c instanceof CreateTable t && t.ownerColumn() != null) {
                List<Col> cols = t.columns().stream().map(OwnerRlsTestGenerator::col).toList();
                targets.put(t.table().display(), new Target(t.table(), t.ownerColumn(), cols, new LinkedHashSet<>(ORDER)));
            } else if (c instanceof CreatePolicy p) {
                Optional<Catalog.Table> table = Optional.ofNullable(catalog.tables().get(p.table().display()));
                String owner = table.flatMap(Catalog.Table::ownerColumn).orElse(null);
                String expected = owner == null ? null : UID + Quote.ident(owner);
                boolean ownerOnly = owner != null && (p.using() == null || p.using().equals(expected))
                        && (p.withCheck() == null || p.withCheck().equals(expected)) && p.roles().equals(List.of("authenticated"));
                if (!ownerOnly) {
                    skipped.add("policy " + p.name() + ": only owner policies get a generated test");
                    continue;
                }
                targets.computeIfAbsent(p.table().display(), k -> new Target(p.table(), owner, columns(table.get()), new LinkedHashSet<>()))
                        .commands().add(p.command());
            }
        }
        StringBuilder setup = new StringBuilder();
        StringBuilder steps = new StringBuilder();
        List<String> ownerIds = new ArrayList<>();
        int seed = 0;
        for (Target t : targets.values()) {
            Optional<String> unknown = t.columns().stream().filter(c -> c.required() && !c.name().equals(t.owner()))
                    .filter(c -> value(c, 1, catalog, newEnums) == null).map(c -> c.name() + " (" + c.type()
                            + (c.references() == null ? "" : ", references " + c.references().display()) + ")").findFirst();
            if (unknown.isPresent()) {
                skipped.add("table " + t.table().display() + ": cannot make up a value for required column " + unknown.get()
                        + "; write the test by hand");
                continue;
            }
            String owner = ids.get().toString();
            String stranger = ids.get().toString();
            ownerIds.add("(" + Quote.literal(owner) + "), (" + Quote.literal(stranger) + ")");
            setup.append(insert(t, owner, ++seed, catalog, newEnums)).append('\n');
            steps.append(steps(t, owner, stranger, ++seed, catalog, newEnums));
        }
        if (steps.isEmpty()) {
            return new Result(null, List.copyOf(skipped));
        }
        String yaml = "# Written by pgpilot new --rls-test: the owner of a row may use it, another user may not.\n"
                + "# Runs in a transaction that is rolled back: pgpilot test-rls\n"
                + "name: " + quote(title) + "\n"
                + "setup: |\n"
                + "  insert into auth.users (id) values " + String.join(", ", ownerIds) + " on conflict (id) do nothing;\n"
                + setup.toString().lines().map(l -> "  " + l + "\n").reduce("", String::concat)
                + "steps:\n" + steps;
        return new Result(yaml, List.copyOf(skipped));
    }

    private static Col col(ColumnDef c) {
        boolean required = c.notNull() && c.defaultSql() == null && c.identity() == null;
        return new Col(c.name(), c.type(), required, c.references() == null ? null : c.references().table());
    }

    private static List<Col> columns(Catalog.Table t) {
        List<Col> out = new ArrayList<>();
        for (Catalog.Column c : t.columns().values()) {
            QualifiedName ref = t.constraints().stream()
                    .filter(k -> k.type().equals("f") && k.columns().equals(List.of(c.name())))
                    .map(Catalog.Constraint::references).findFirst().orElse(null);
            out.add(new Col(c.name(), c.type(), c.notNull() && c.defaultSql() == null && c.identity() == null, ref));
        }
        return out;
    }

    private static String steps(Target t, String owner, String stranger, int seed, Catalog catalog, Set<String> newEnums) {
        String table = t.table().sql();
        String ownerCol = Quote.ident(t.owner());
        String d = t.table().display();
        StringBuilder b = new StringBuilder();
        for (String cmd : ORDER) {
            if (!t.commands().contains(cmd)) continue;
            switch (cmd) {
                case "select" -> {
                    String sql = "select * from " + table + " where " + ownerCol + " = " + Quote.literal(owner);
                    step(b, "the owner sees their row in " + d, "authenticated", owner, sql, "{rows: 1}");
                    step(b, "another user does not see it", "authenticated", stranger, sql, "{rows: 0}");
                    step(b, "a signed-out visitor does not see it", "anon", null, sql, "{rows: 0}");
                }
                case "update" -> {
                    String sql = "update " + table + " set " + ownerCol + " = " + Quote.literal(owner);
                    step(b, "another user cannot update the owner's row in " + d, "authenticated", stranger, sql, "{rows: 0}");
                    step(b, "the owner can update their row", "authenticated", owner, sql, "{rows: 1}");
                }
                case "delete" -> {
                    String sql = "delete from " + table;
                    step(b, "another user cannot delete the owner's row in " + d, "authenticated", stranger, sql, "{rows: 0}");
                    step(b, "the owner can delete their row", "authenticated", owner, sql, "{rows: 1}");
                }
                default -> {
                    step(b, "another user cannot insert a row in " + d + " in the owner's name", "authenticated", stranger,
                            insert(t, owner, seed, catalog, newEnums), "{error: permission_denied}");
                    step(b, "the owner can insert their own row", "authenticated", owner, insert(t, owner, seed + 1, catalog, newEnums), "{rows: 1}");
                }
            }
        }
        return b.toString();
    }

    private static void step(StringBuilder b, String name, String role, String user, String sql, String expect) {
        b.append("  - name: ").append(quote(name)).append('\n')
                .append("    as: {role: ").append(role).append(user == null ? "" : ", user: " + user).append("}\n")
                .append("    sql: |-\n      ").append(sql).append('\n') // a block: SQL's quotes need no escaping
                .append("    expect: ").append(expect).append('\n');
    }

    private static String insert(Target t, String owner, int seed, Catalog catalog, Set<String> newEnums) {
        List<String> names = new ArrayList<>(List.of(Quote.ident(t.owner())));
        List<String> values = new ArrayList<>(List.of(Quote.literal(owner)));
        for (Col c : t.columns()) {
            if (c.required() && !c.name().equals(t.owner())) {
                names.add(Quote.ident(c.name()));
                values.add(value(c, seed, catalog, newEnums));
            }
        }
        return "insert into " + t.table().sql() + " (" + String.join(", ", names) + ") values (" + String.join(", ", values) + ");";
    }

    /** A value of the column's type, different per seed (unique columns); null when none can be made up. */
    private static String value(Col c, int seed, Catalog catalog, Set<String> newEnums) {
        if (c.references() != null) {
            return null; // a row in another table would be needed
        }
        String type = c.type().toLowerCase(java.util.Locale.ROOT);
        if (type.endsWith("[]")) return "'{}'";
        if (type.startsWith("text") || type.startsWith("character") || type.startsWith("varchar") || type.startsWith("citext")) {
            return Quote.literal("rls test " + seed);
        }
        if (type.matches("(smallint|integer|int|int2|int4|int8|bigint|numeric|decimal|real|double precision|float4|float8)\\b.*")) {
            return Integer.toString(seed);
        }
        if (type.startsWith("boolean") || type.equals("bool")) return "false";
        if (type.equals("uuid")) return "gen_random_uuid()";
        if (type.startsWith("timestamp") || type.equals("timestamptz") || type.equals("date")) return "now()";
        if (type.equals("json") || type.equals("jsonb")) return "'{}'";
        // the enum's first label, whatever the labels are; qualified so no search_path is assumed
        Optional<String> known = catalog.findEnum(c.type()).map(e -> e.name().sql());
        if (known.isEmpty() && (newEnums.contains(c.type()) || newEnums.contains("public." + c.type()))) {
            known = Optional.of(c.type());
        }
        return known.map(t -> "(enum_range(null::" + t + "))[1]").orElse(null);
    }

    /** YAML double-quoted scalar. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
