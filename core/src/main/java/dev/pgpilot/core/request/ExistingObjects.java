package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds every change against what the database already has. The same object with the same
 * definition is left out ("already there"); the same name with another definition is refused,
 * saying what differs. So a migration never drops-and-recreates, or silently skips, an object an
 * earlier migration made, and its down script only undoes what it created itself.
 */
public final class ExistingObjects {
    private static final Pattern KEYS = Pattern.compile("USING \\w+ \\(([^()]*)\\)");
    private static final Pattern ON_DELETE = Pattern.compile("ON DELETE (CASCADE|SET NULL|SET DEFAULT|RESTRICT|NO ACTION)");
    /** What to do with one change: write it (possibly trimmed of parts that exist), or leave it out. */
    private sealed interface Verdict {}
    /** @param leftOut a part of the change that exists and is not repeated, or null */
    private record Keep(ChangeRequest change, String leftOut) implements Verdict {
        Keep(ChangeRequest change) { this(change, null); }
    }
    private record AlreadyThere(String what) implements Verdict {}

    private final Catalog catalog;

    private ExistingObjects(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The set without what is already there; refuses a name clash with another definition, and
     * ends with exit 0 and nothing to write when everything asked for is there.
     */
    public static ChangeSet check(ChangeSet set, Catalog catalog) {
        Sorted s = sort(set.changes(), catalog);
        List<String> there = new ArrayList<>(set.alreadyThere());
        there.addAll(s.there());
        if (s.kept().isEmpty()) throw PilotException.nothingToDo("already there, nothing to do: " + String.join("; ", there));
        return new ChangeSet(set.requestText(), s.kept(), there);
    }

    /** @param kept the changes to write; @param there what was asked for and exists, for the plan to say */
    record Sorted(List<ChangeRequest> kept, List<String> there) {}

    /** The changes split into what to write and what is there; refuses a name clash, never ends with nothing to do. */
    static Sorted sort(List<ChangeRequest> changes, Catalog catalog) {
        ExistingObjects e = new ExistingObjects(catalog);
        List<ChangeRequest> kept = new ArrayList<>();
        List<String> there = new ArrayList<>();
        for (ChangeRequest c : changes) {
            Verdict v = e.verdict(c);
            if (v instanceof Keep k) {
                kept.add(k.change());
                if (k.leftOut() != null) there.add(k.leftOut());
            }
            else if (v instanceof AlreadyThere a) there.add(a.what());
        }
        return new Sorted(kept, there);
    }

    private Verdict verdict(ChangeRequest c) {
        if (c instanceof AddColumn a) return column(a);
        if (c instanceof CreateIndex i) return index(i);
        if (c instanceof AddForeignKey f) return foreignKey(f);
        if (c instanceof AddCheck k) return check(k);
        if (c instanceof CreateEnum e) return enumType(e);
        if (c instanceof AddEnumValue v) return enumValue(v);
        if (c instanceof EnableRls r) return table(r.table()).filter(Catalog.Table::rls)
                .<Verdict>map(t -> new AlreadyThere("row level security is enabled on " + t.name().display())).orElse(new Keep(c));
        if (c instanceof CreatePolicy p) return policy(p);
        if (c instanceof AddUpdatedAtTrigger t) return trigger(t);
        if (c instanceof SetDefault d && SameDefinition.expression(d.defaultSql()).equals(SameDefinition.expression(d.previous()))) {
            return new AlreadyThere(d.table().display() + "." + d.column() + " defaults to " + d.previous());
        }
        if (c instanceof CreateBucket b) return bucket(b);
        if (c instanceof ChangeBucket b && sameSettings(b)) return new AlreadyThere("bucket " + b.id() + " already has those settings");
        if (c instanceof Comment m && m.column() == null && m.text().equals(m.previous())) return new AlreadyThere(m.table().display() + " has that comment");
        return new Keep(c);
    }

    /** A bucket of that id: its down script would delete it, so it is left out when it is the same and refused when not. */
    private Verdict bucket(CreateBucket b) {
        Catalog.Bucket have = catalog.bucket(b.id()).orElse(null);
        if (have == null) return new Keep(b);
        List<String> diffs = new ArrayList<>();
        if (have.isPublic() != b.isPublic()) diffs.add("it is " + (have.isPublic() ? "public" : "private") + ", not " + (b.isPublic() ? "public" : "private"));
        if (!java.util.Objects.equals(have.sizeLimit(), b.sizeLimit())) {
            diffs.add("its size limit is " + (have.sizeLimit() == null ? "none" : have.sizeLimit() + " bytes") + ", not " + (b.sizeLimit() == null ? "none" : b.sizeLimit() + " bytes"));
        }
        if (!new java.util.TreeSet<>(have.mimeTypes()).equals(new java.util.TreeSet<>(b.mimeTypes()))) {
            diffs.add("it takes " + (have.mimeTypes().isEmpty() ? "any type" : String.join(", ", have.mimeTypes())) + ", not "
                    + (b.mimeTypes().isEmpty() ? "any type" : String.join(", ", b.mimeTypes())));
        }
        if (diffs.isEmpty()) return new AlreadyThere("bucket " + b.id() + " exists as asked");
        throw PilotException.refused("bucket " + b.id() + " already exists with another definition: " + String.join("; ", diffs),
                "change the bucket in the Supabase dashboard (or by hand: pgpilot new --empty NAME), or pick another name");
    }

    /** Every setting the change names is what the bucket has. */
    private static boolean sameSettings(ChangeBucket b) {
        return (b.isPublic() == null || b.isPublic() == b.was().isPublic()) && (b.sizeLimit() == null || b.sizeLimit().equals(b.was().sizeLimit()))
                && (b.mimeTypes() == null || new java.util.TreeSet<>(b.mimeTypes()).equals(new java.util.TreeSet<>(b.was().mimeTypes())));
    }

    private Optional<Catalog.Table> table(QualifiedName q) {
        return catalog.findTable(q.display());
    }

    private Verdict column(AddColumn a) {
        Catalog.Table t = table(a.table()).orElse(null);
        Catalog.Column have = t == null ? null : t.columns().get(a.column().name());
        if (have == null) return new Keep(a);
        List<String> diffs = SameDefinition.column(t, have, a.column());
        if (!diffs.isEmpty()) {
            throw PilotException.refused("column " + have.name() + " already exists in " + t.name().display() + " with another definition: " + String.join("; ", diffs),
                    "change the existing column (\"change the type of " + t.name().name() + "." + have.name() + " to ...\"), or pick another name");
        }
        return new AlreadyThere("column " + t.name().display() + "." + have.name() + " " + have.type());
    }

    private Verdict index(CreateIndex i) {
        Catalog.Table t = table(i.table()).orElse(null);
        if (t == null) return new Keep(i);
        Optional<Catalog.Index> named = t.indexes().stream().filter(x -> x.name().name().equals(i.name())).findFirst();
        if (named.isPresent()) {
            Catalog.Index x = named.get();
            boolean same = i.fullText() ? x.definition().contains("USING gin")
                    : !i.lowered().isEmpty() ? i.lowered().stream().allMatch(c -> x.definition().contains("lower(" + c + ")") || x.definition().contains("lower((" + c + ")"))
                    : x.columns().equals(i.columns())
                    && x.definition().startsWith("CREATE UNIQUE") == i.unique() && x.definition().contains("USING gin") == i.gin()
                    && descending(x.definition()).equals(Set.copyOf(i.descending()))
                    && SameDefinition.expression(where(x.definition())).equals(SameDefinition.expression(i.where()));
            if (!same) throw PilotException.refused("index " + i.name() + " already exists with another definition: " + x.definition(), "pick another name, or drop that index first");
            return new AlreadyThere("index " + x.name().display());
        }
        if (i.fullText() || i.gin() || i.where() != null || !i.descending().isEmpty() || !i.lowered().isEmpty()) return new Keep(i);
        // an index (or the one behind a unique constraint) on the same columns already serves; a second would only slow writes
        for (Catalog.Index x : t.indexes()) {
            boolean unique = x.definition().startsWith("CREATE UNIQUE");
            if (x.columns().equals(i.columns()) && where(x.definition()) == null && (unique || !i.unique())) {
                return new AlreadyThere((unique ? "unique " : "") + "index " + x.name().display() + " on " + t.name().name() + " (" + String.join(", ", i.columns()) + ")");
            }
        }
        // a plain btree whose first keys are the ones asked for serves those lookups too: (clinic_id, user_id) covers clinic_id
        for (Catalog.Index x : t.indexes()) {
            boolean leads = x.columns().size() > i.columns().size() && x.columns().subList(0, i.columns().size()).equals(i.columns());
            if (leads && !i.unique() && where(x.definition()) == null && x.definition().contains("USING btree")) {
                return new AlreadyThere("index " + x.name().display() + " on " + t.name().name() + " (" + String.join(", ", x.columns()) + ") already serves lookups by "
                        + String.join(", ", i.columns()));
            }
        }
        return new Keep(i);
    }

    /** The key columns pg_get_indexdef shows with DESC: "USING btree (user_id, performed_at DESC)" gives performed_at. */
    static Set<String> descending(String indexDef) {
        Matcher m = KEYS.matcher(indexDef);
        if (!m.find()) return Set.of();
        Set<String> out = new HashSet<>();
        for (String k : m.group(1).split(",")) {
            String[] p = k.strip().split("\\s+");
            if (p.length > 1 && p[1].equals("DESC")) out.add(p[0].replace("\"", ""));
        }
        return out;
    }

    private static String where(String indexDef) {
        int at = indexDef.indexOf(" WHERE ");
        return at < 0 ? null : indexDef.substring(at + 7);
    }

    private Verdict foreignKey(AddForeignKey f) {
        Catalog.Table t = table(f.table()).orElse(null);
        if (t == null) return new Keep(f);
        for (Catalog.Constraint c : t.constraints()) {
            boolean same = c.type().equals("f") && c.columns().equals(List.of(f.column())) && f.refTable().equals(c.references());
            if (c.name().equals(f.constraintName()) && !same) {
                throw PilotException.refused("constraint " + f.constraintName() + " already exists on " + t.name().display() + " with another definition: " + c.definition(),
                        "drop it first, or name the new foreign key differently");
            }
            if (same && !onDelete(c.definition()).equals(f.onDelete())) {
                throw PilotException.refused("foreign key " + c.name() + " on " + t.name().display() + "." + f.column() + " already exists with on delete "
                        + onDelete(c.definition()) + ", not " + f.onDelete() + ": " + c.definition(),
                        "changing what a delete does is a drop and re-add of the constraint; write it by hand: pgpilot new --empty NAME");
            }
            if (same) return new AlreadyThere("foreign key " + c.name() + " (" + c.definition() + ")");
        }
        // the down script drops the index it creates, so it must not "create" one that exists
        Optional<Catalog.Index> index = f.indexName() == null ? Optional.empty() : t.indexes().stream().filter(x -> x.name().name().equals(f.indexName())
                || !x.columns().isEmpty() && x.columns().get(0).equals(f.column())).findFirst();
        if (index.isEmpty()) return new Keep(f);
        return new Keep(new AddForeignKey(f.table(), f.column(), f.refTable(), f.refColumn(), f.onDelete(), f.constraintName(), null),
                "index " + index.get().name().display() + " already covers " + t.name().name() + "." + f.column());
    }

    /** The on-delete rule of a foreign key as pg_get_constraintdef shows it ("no action" when it shows none). */
    static String onDelete(String definition) {
        Matcher m = ON_DELETE.matcher(definition);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "no action";
    }

    private Verdict check(AddCheck k) {
        Catalog.Table t = table(k.table()).orElse(null);
        Optional<Catalog.Constraint> c = t == null ? Optional.empty() : t.constraints().stream().filter(x -> x.name().equals(k.name())).findFirst();
        if (c.isEmpty()) return new Keep(k);
        if (!SameDefinition.expression(c.get().definition()).equals(SameDefinition.expression(k.expression()))) {
            throw PilotException.refused("constraint " + k.name() + " already exists on " + t.name().display() + " with another definition: " + c.get().definition(),
                    "drop it first, or describe the rule differently");
        }
        return new AlreadyThere("constraint " + k.name() + " " + c.get().definition());
    }

    /** A value the enum has is there when it is where the request puts it; elsewhere it is refused (PostgreSQL cannot move a value). */
    private Verdict enumValue(AddEnumValue v) {
        Optional<Catalog.EnumType> e = catalog.findEnum(v.type().display());
        if (e.isEmpty() || !e.get().values().contains(v.value())) return new Keep(v);
        List<String> l = e.get().values();
        int at = l.indexOf(v.value());
        boolean placed = (v.before() == null || at + 1 < l.size() && l.get(at + 1).equals(v.before())) && (v.after() == null || at > 0 && l.get(at - 1).equals(v.after()));
        if (!placed) {
            throw PilotException.refused("'" + v.value() + "' is already a value of " + e.get().name().name() + ", in another place: " + String.join(", ", l),
                    "PostgreSQL cannot move an enum value; leave it where it is, or rebuild the type by hand: pgpilot new --empty NAME");
        }
        return new AlreadyThere(e.get().name().display() + " has the value '" + v.value() + "'");
    }

    private Verdict enumType(CreateEnum e) {
        Optional<Catalog.EnumType> have = catalog.findEnum(e.type().display());
        if (have.isEmpty()) return new Keep(e);
        if (!have.get().values().equals(e.values())) {
            throw PilotException.refused("type " + e.type().name() + " already exists with the values " + String.join(", ", have.get().values())
                    + ", not " + String.join(", ", e.values()), "add a value instead: \"add 'x' to " + e.type().name() + "\"");
        }
        return new AlreadyThere("type " + have.get().name().display() + " (" + String.join(", ", e.values()) + ")");
    }

    private Verdict policy(CreatePolicy p) {
        Catalog.Table t = table(p.table()).orElse(null);
        Optional<Catalog.Policy> have = t == null ? Optional.empty() : t.policy(p.name());
        if (have.isEmpty()) return new Keep(p);
        List<String> diffs = SameDefinition.policy(have.get(), p);
        if (!diffs.isEmpty()) {
            throw PilotException.refused("policy " + p.name() + " already exists on " + t.name().display() + " with another definition: " + String.join("; ", diffs),
                    "drop or change that policy by hand (pgpilot new --empty NAME), so its down script can restore it");
        }
        return new AlreadyThere("policy " + p.name() + " on " + t.name().display());
    }

    private Verdict trigger(AddUpdatedAtTrigger a) {
        Catalog.Table t = table(a.table()).orElse(null);
        if (t == null) return new Keep(a);
        for (Catalog.Trigger x : t.triggers()) {
            // set_updated_at(), moddatetime(updated_at) or a trigger of the project's own named for it ("patients_touch_updated_at")
            boolean touches = x.definition().contains("BEFORE UPDATE") && x.definition().contains("FOR EACH ROW") && x.definition().contains("updated_at");
            if (x.name().equals(a.triggerName()) && !touches) {
                throw PilotException.refused("trigger " + x.name() + " already exists on " + t.name().display() + " and does something else: " + x.definition(),
                        "rename or drop that trigger first");
            }
            if (touches) return new AlreadyThere("trigger " + x.name() + " keeps " + t.name().name() + ".updated_at current");
        }
        return new Keep(a);
    }
}
