package dev.pgpilot.core.request;

import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The catalog as it will be once planned changes have run, so the next clause of a request is
 * read against it: "add updated_at to comments and keep it current with a trigger" must not add
 * updated_at twice, "create table tags ..., and let members read it" must find tags. It mirrors
 * what the migration creates (the renderer's id, timestamps, RLS, owner policies, trigger) closely
 * enough for resolving names and spotting what is already there; the database stays the truth
 * when the migration runs.
 */
final class CatalogAfter {
    private final Map<String, Catalog.Table> tables;
    private final Map<String, Catalog.EnumType> enums;
    private final Set<String> functions;

    private CatalogAfter(Catalog c) {
        this.tables = new LinkedHashMap<>(c.tables());
        this.enums = new LinkedHashMap<>(c.enums());
        this.functions = new TreeSet<>(c.functions());
    }

    static Catalog apply(Catalog catalog, List<ChangeRequest> changes) {
        CatalogAfter a = new CatalogAfter(catalog);
        for (ChangeRequest c : changes) a.apply(c);
        return catalog.with(a.tables, a.enums, a.functions);
    }

    private void apply(ChangeRequest change) {
        if (change instanceof AddColumn c) {
            table(c.table(), t -> withColumn(t, c.column()));
        } else if (change instanceof DropColumn c) {
            table(c.table(), t -> {
                Map<String, Catalog.Column> cols = new LinkedHashMap<>(t.columns());
                cols.remove(c.previous().name());
                List<Catalog.Index> idx = t.indexes().stream().filter(i -> !i.columns().contains(c.previous().name())).toList();
                return new Catalog.Table(t.name(), cols, idx, t.constraints(), t.rls(), t.comment(), t.policies(), t.triggers());
            });
        } else if (change instanceof RenameColumn c) {
            table(c.table(), t -> {
                Map<String, Catalog.Column> cols = new LinkedHashMap<>();
                t.columns().forEach((k, v) -> cols.put(k.equals(c.from()) ? c.to() : k,
                        k.equals(c.from()) ? new Catalog.Column(c.to(), v.type(), v.notNull(), v.defaultSql(), v.identity()) : v));
                return new Catalog.Table(t.name(), cols, t.indexes(), t.constraints(), t.rls(), t.comment(), t.policies(), t.triggers());
            });
        } else if (change instanceof AlterColumnType c) {
            column(c.table(), c.column(), v -> new Catalog.Column(v.name(), c.newType(), v.notNull(), v.defaultSql(), v.identity()));
        } else if (change instanceof SetDefault c) {
            column(c.table(), c.column(), v -> new Catalog.Column(v.name(), v.type(), v.notNull(), c.defaultSql(), v.identity()));
        } else if (change instanceof DropDefault c) {
            column(c.table(), c.column(), v -> new Catalog.Column(v.name(), v.type(), v.notNull(), null, v.identity()));
        } else if (change instanceof SetNotNull c) {
            column(c.table(), c.column(), v -> new Catalog.Column(v.name(), v.type(), c.notNull(), v.defaultSql(), v.identity()));
        } else if (change instanceof AddCheck c) {
            table(c.table(), t -> withConstraint(t, new Catalog.Constraint(c.name(), "c", "CHECK (" + c.expression() + ")", List.of(), null)));
        } else if (change instanceof AddForeignKey c) {
            table(c.table(), t -> {
                Catalog.Table x = withConstraint(t, new Catalog.Constraint(c.constraintName(), "f", "FOREIGN KEY (" + c.column() + ") REFERENCES " + c.refTable().display(),
                        List.of(c.column()), c.refTable()));
                return c.indexName() == null ? x : withIndex(x, index(c.table(), c.indexName(), List.of(c.column()), false, null));
            });
        } else if (change instanceof ChangeOnDelete c) {
            table(c.table(), t -> {
                List<Catalog.Constraint> cs = new ArrayList<>(t.constraints().stream().filter(x -> !x.name().equals(c.constraintName())).toList());
                cs.add(new Catalog.Constraint(c.constraintName(), "f", "FOREIGN KEY (" + c.column() + ") REFERENCES " + c.refTable().display() + "(" + c.refColumn()
                        + ")" + (c.onDelete().equals("no action") ? "" : " ON DELETE " + c.onDelete().toUpperCase(java.util.Locale.ROOT)), List.of(c.column()), c.refTable()));
                return new Catalog.Table(t.name(), t.columns(), t.indexes(), cs, t.rls(), t.comment(), t.policies(), t.triggers());
            });
        } else if (change instanceof CreateTable c) {
            tables.put(c.table().display(), created(c));
            if (c.createsUpdatedAtFunction() && !c.junction()) functions.add("public.set_updated_at");
        } else if (change instanceof RenameTable c) {
            Catalog.Table t = tables.remove(c.table().display());
            if (t != null) {
                QualifiedName q = new QualifiedName(c.table().schema(), c.to());
                tables.put(q.display(), new Catalog.Table(q, t.columns(), t.indexes(), t.constraints(), t.rls(), t.comment(), t.policies(), t.triggers()));
            }
        } else if (change instanceof DropTable c) {
            tables.remove(c.table().display());
        } else if (change instanceof CreateIndex c) {
            table(c.table(), t -> withIndex(t, index(c.table(), c.name(), c.columns(), c.unique(), c.where())));
        } else if (change instanceof DropIndex c) {
            for (Map.Entry<String, Catalog.Table> e : tables.entrySet()) {
                Catalog.Table t = e.getValue();
                List<Catalog.Index> idx = t.indexes().stream().filter(i -> !i.name().equals(c.index())).toList();
                e.setValue(new Catalog.Table(t.name(), t.columns(), idx, t.constraints(), t.rls(), t.comment(), t.policies(), t.triggers()));
            }
        } else if (change instanceof CreateEnum c) {
            enums.put(c.type().display(), new Catalog.EnumType(c.type(), c.values()));
        } else if (change instanceof AddEnumValue c) {
            Catalog.EnumType e = enums.get(c.type().display());
            if (e != null && !e.values().contains(c.value())) {
                List<String> v = new ArrayList<>(e.values());
                int at = c.before() != null ? v.indexOf(c.before()) : c.after() != null ? v.indexOf(c.after()) + 1 : v.size();
                v.add(at < 0 ? v.size() : at, c.value());
                enums.put(c.type().display(), new Catalog.EnumType(e.name(), v));
            }
        } else if (change instanceof RenameEnumValue c) {
            Catalog.EnumType e = enums.get(c.type().display());
            if (e != null) enums.put(c.type().display(), new Catalog.EnumType(e.name(), e.values().stream().map(v -> v.equals(c.from()) ? c.to() : v).toList()));
        } else if (change instanceof RenameEnum c) {
            Catalog.EnumType e = enums.remove(c.type().display());
            QualifiedName to = new QualifiedName(c.type().schema(), c.to());
            if (e != null) enums.put(to.display(), new Catalog.EnumType(to, e.values()));
        } else if (change instanceof SetTriggerEnabled) {
            // the trigger stays defined: enabled or not is no part of the planner's catalog
        } else if (change instanceof DropTrigger c) {
            table(c.table(), t -> new Catalog.Table(t.name(), t.columns(), t.indexes(), t.constraints(), t.rls(), t.comment(), t.policies(),
                    t.triggers().stream().filter(x -> !x.name().equals(c.name())).toList()));
        } else if (change instanceof EnableRls c) {
            table(c.table(), t -> new Catalog.Table(t.name(), t.columns(), t.indexes(), t.constraints(), true, t.comment(), t.policies(), t.triggers()));
        } else if (change instanceof CreatePolicy c) {
            table(c.table(), t -> withPolicy(t, new Catalog.Policy(c.name(), c.command(), !c.restrictive(), c.roles(), c.using(), c.withCheck())));
        } else if (change instanceof CreateRightsCheck c) {
            functions.add(c.function().display());
        } else if (change instanceof CreateMembershipCheck c) {
            functions.add(c.function().display());
        } else if (change instanceof AddUpdatedAtTrigger c) {
            table(c.table(), t -> withTrigger(t, c));
            functions.add("public.set_updated_at");
        } else if (change instanceof Comment c) {
            if (c.column() == null) {
                table(c.table(), t -> new Catalog.Table(t.name(), t.columns(), t.indexes(), t.constraints(), t.rls(), c.text(), t.policies(), t.triggers()));
            }
        } else if (change instanceof CreateBucket || change instanceof ChangeBucket) {
            // a bucket is a row of storage.buckets, not part of the catalog
        } else {
            throw new IllegalStateException("no catalog effect for " + change.getClass().getSimpleName());
        }
    }

    /** The table a CreateTable makes, as the renderer writes it. */
    private Catalog.Table created(CreateTable c) {
        Map<String, Catalog.Column> cols = new LinkedHashMap<>();
        List<String> key = c.keyColumns();
        if (key.equals(List.of("id")) && c.primaryKey().isEmpty()) cols.put("id", new Catalog.Column("id", "uuid", true, "gen_random_uuid()", null));
        for (ColumnDef d : c.columns()) cols.put(d.name(), column(d));
        cols.putIfAbsent("created_at", new Catalog.Column("created_at", "timestamp with time zone", true, "now()", null));
        if (!c.junction()) cols.putIfAbsent("updated_at", new Catalog.Column("updated_at", "timestamp with time zone", true, "now()", null));
        Catalog.Constraint pk = new Catalog.Constraint(RequestParser.trim63(c.table().name() + "_pkey"), "p", "PRIMARY KEY (" + String.join(", ", key) + ")", key, null);
        Catalog.Table t = new Catalog.Table(c.table(), cols, List.of(), List.of(pk), true, null, List.of(), List.of());
        for (int i = 0; i < c.columns().size(); i++) {
            ColumnDef d = c.columns().get(i);
            t = withReferences(t, d);
            if (d.references() != null && !key.get(0).equals(d.name())) {
                t = withIndex(t, index(c.table(), RequestParser.trim63("idx_" + c.table().name() + "_" + d.name()), List.of(d.name()), false, null));
            }
        }
        if (c.ownerColumn() != null) {
            String own = PolicyPhrases.UID + " = " + Quote.ident(c.ownerColumn());
            List<String> cmds = RightsTables.byName(c.table().name()) ? List.of("select") : List.of("select", "insert", "update", "delete");
            for (String cmd : cmds) {
                t = withPolicy(t, new Catalog.Policy(RequestParser.trim63(c.table().name() + "_" + cmd + "_own"), cmd, true, List.of("authenticated"),
                        cmd.equals("insert") ? null : own, cmd.equals("insert") || cmd.equals("update") ? own : null));
            }
        }
        return c.junction() ? t : withTrigger(t, new AddUpdatedAtTrigger(c.table(), false));
    }

    private static Catalog.Column column(ColumnDef d) {
        return new Catalog.Column(d.name(), d.type(), d.notNull(), d.defaultSql(), d.identity());
    }

    private Catalog.Table withColumn(Catalog.Table t, ColumnDef d) {
        Map<String, Catalog.Column> cols = new LinkedHashMap<>(t.columns());
        cols.put(d.name(), column(d));
        return withReferences(new Catalog.Table(t.name(), cols, t.indexes(), t.constraints(), t.rls(), t.comment(), t.policies(), t.triggers()), d);
    }

    /** A column's unique and references modifiers as the constraints they become. */
    private static Catalog.Table withReferences(Catalog.Table t, ColumnDef d) {
        Catalog.Table x = t;
        if (d.unique()) x = withIndex(x, index(t.name(), RequestParser.trim63(t.name().name() + "_" + d.name() + "_key"), List.of(d.name()), true, null));
        if (d.references() != null) {
            x = withConstraint(x, new Catalog.Constraint(RequestParser.trim63(t.name().name() + "_" + d.name() + "_fkey"), "f",
                    "FOREIGN KEY (" + d.name() + ") REFERENCES " + d.references().table().display(), List.of(d.name()), d.references().table()));
        }
        return x;
    }

    private static Catalog.Index index(QualifiedName table, String name, List<String> cols, boolean unique, String where) {
        String def = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + name + " ON " + table.display() + " USING btree (" + String.join(", ", cols) + ")"
                + (where == null ? "" : " WHERE (" + where + ")");
        return new Catalog.Index(new QualifiedName(table.schema(), name), def, List.copyOf(cols), false);
    }

    private static Catalog.Table withIndex(Catalog.Table t, Catalog.Index i) {
        List<Catalog.Index> idx = new ArrayList<>(t.indexes());
        idx.add(i);
        return new Catalog.Table(t.name(), t.columns(), idx, t.constraints(), t.rls(), t.comment(), t.policies(), t.triggers());
    }

    private static Catalog.Table withConstraint(Catalog.Table t, Catalog.Constraint c) {
        List<Catalog.Constraint> cons = new ArrayList<>(t.constraints());
        cons.add(c);
        return new Catalog.Table(t.name(), t.columns(), t.indexes(), cons, t.rls(), t.comment(), t.policies(), t.triggers());
    }

    private static Catalog.Table withPolicy(Catalog.Table t, Catalog.Policy p) {
        List<Catalog.Policy> pols = new ArrayList<>(t.policies());
        pols.add(p);
        return new Catalog.Table(t.name(), t.columns(), t.indexes(), t.constraints(), t.rls(), t.comment(), pols, t.triggers());
    }

    private static Catalog.Table withTrigger(Catalog.Table t, AddUpdatedAtTrigger a) {
        List<Catalog.Trigger> trig = new ArrayList<>(t.triggers());
        trig.add(new Catalog.Trigger(a.triggerName(), "CREATE TRIGGER " + a.triggerName() + " BEFORE UPDATE ON " + t.name().display()
                + " FOR EACH ROW EXECUTE FUNCTION set_updated_at()"));
        return new Catalog.Table(t.name(), t.columns(), t.indexes(), t.constraints(), t.rls(), t.comment(), t.policies(), trig);
    }

    private void table(QualifiedName q, UnaryOperator<Catalog.Table> change) {
        Catalog.Table t = tables.get(q.display());
        if (t != null) tables.put(q.display(), change.apply(t));
    }

    private void column(QualifiedName q, String column, UnaryOperator<Catalog.Column> change) {
        table(q, t -> {
            Map<String, Catalog.Column> cols = new LinkedHashMap<>(t.columns());
            cols.computeIfPresent(column, (k, v) -> change.apply(v));
            return new Catalog.Table(t.name(), cols, t.indexes(), t.constraints(), t.rls(), t.comment(), t.policies(), t.triggers());
        });
    }
}
