package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.PolicyPhrases.UID;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person the request names reaches a table's rows, through the schema's own links:
 * "doctors" by appointments.doctor_id (a user), "patients" by appointments.patient_id ->
 * patients.user_id, "patients ... their own patient record" by patients.user_id itself, "staff"
 * by the staff rows linking their user to a clinic, and "... of their clinic", "... on their
 * listings" by the parent row the person reaches. Only links the catalog has are followed; a
 * person the schema does not link to the table gives nothing (the caller refuses).
 */
final class PersonReach {
    /**
     * The rows a person reaches: {@code column = auth.uid()} when {@code values} is null, else
     * {@code column in (values)}; @param lookups tables the subquery reads (their RLS matters)
     */
    record Reach(String column, String values, List<Lookup> lookups) {
        String filter() {
            return values == null ? UID + " = " + Quote.ident(column) : Quote.ident(column) + " in (" + values + ")";
        }
    }

    /** A table the filter reads, and the column that says which of its rows are the user's (their RLS must let them see those). */
    record Lookup(Catalog.Table table, String userColumn) {}

    private static final Pattern REFERENCED = Pattern.compile("REFERENCES\\s+\\S+?\\(\"?([a-z_][a-z0-9_]*)\"?\\)");
    private final Catalog catalog;

    PersonReach(Catalog catalog) {
        this.catalog = catalog;
    }

    /** True when the schema links the person this noun names ("doctors", "staff") to some table. */
    boolean names(String noun) {
        return catalog.tables().values().stream().anyMatch(t -> t.name().schema().equals("public") && direct(noun, t, null).isPresent());
    }

    /**
     * The person's rows of t, through parent (the table after "their", or null) when t itself does not name them;
     * @param said the request's words, which pick one link table of several ("enrolled students": enrollments)
     */
    Optional<Reach> of(String noun, Catalog.Table t, Catalog.Table parent, Set<String> said) {
        if (parent != null && parent != t) {
            Optional<Reach> viaParent = direct(noun, parent, said).flatMap(p -> through(t, parent, p));
            if (viaParent.isPresent()) return viaParent;
        }
        Optional<Reach> own = direct(noun, t, said);
        return own.isPresent() || said == null ? own : viaNamedAncestor(noun, t, said);
    }

    /**
     * "the course teacher" on submissions: the teacher of the course each row belongs to, up the one chain of
     * keys (at most two) from t to the table the request names (submissions -> assignments -> courses). Two
     * chains, or none, give nothing: the caller refuses rather than pick one.
     */
    private Optional<Reach> viaNamedAncestor(String noun, Catalog.Table t, Set<String> said) {
        for (String w : said) {
            Optional<Catalog.Table> a = catalog.findTable(w).filter(x -> x != t && x.name().schema().equals("public"));
            if (a.isEmpty()) continue;
            Optional<Reach> top = direct(noun, a.get(), said);
            List<List<Catalog.Table>> paths = paths(t, a.get());
            if (top.isEmpty() || paths.size() != 1) continue;
            List<Catalog.Table> path = paths.get(0);
            Optional<Reach> r = top;
            for (int i = path.size() - 1; i >= 0 && r.isPresent(); i--) {
                Catalog.Table child = i == 0 ? t : path.get(i - 1);
                Catalog.Table parent = path.get(i);
                Reach above = r.get();
                r = through(child, parent, above);
            }
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    /**
     * A table with no user column of its own whose one key points at a row standing for one user (members.user_id
     * unique, or profiles.id itself a user): the rows of the signed-in user's own row there. A key to a table whose
     * owner has many rows (a project's owner) says nothing about whose the row is, so it is not followed.
     */
    Optional<Reach> ownerThroughPersonRow(Catalog.Table t) {
        List<Reach> found = new ArrayList<>();
        for (Catalog.Constraint fk : foreignKeys(t)) {
            if (fk.references() == null || isUsers(fk) || fk.references().equals(t.name())) continue;
            Optional<Catalog.Table> p = catalog.findTable(fk.references().display());
            Optional<String> owner = p.flatMap(OwnerColumn::of).filter(o -> o.equals("id") || uniqueAlone(p.get(), o));
            if (owner.isPresent()) through(t, p.get(), new Reach(owner.get(), null, List.of())).ifPresent(found::add);
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static boolean uniqueAlone(Catalog.Table t, String column) {
        return t.indexes().stream().anyMatch(i -> i.columns().equals(List.of(column)) && i.definition().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE UNIQUE"));
    }

    /**
     * "invoice items are visible to the members of the invoice's organization": t has no key a membership table
     * shares, but the one parent it references does (invoice_items.invoice_id -> invoices.org_id -> memberships).
     * Two such parents give nothing: the caller refuses.
     */
    Optional<Reach> membersThroughParent(Catalog.Table t, Set<String> said) {
        List<Reach> found = new ArrayList<>();
        for (Catalog.Constraint fk : foreignKeys(t)) {
            if (fk.references() == null || isUsers(fk) || fk.references().equals(t.name())) continue;
            Optional<Catalog.Table> p = catalog.findTable(fk.references().display());
            Optional<Membership> m = p.flatMap(x -> Membership.find(catalog, x, said));
            if (m.isEmpty()) continue;
            String values = "select m." + Quote.ident(m.get().key()) + " from " + m.get().link().name().sql() + " m where m.\"user_id\" = " + UID;
            through(t, p.get(), new Reach(m.get().key(), values, List.of(new Lookup(m.get().link(), "user_id")))).ifPresent(found::add);
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The chains of single-column keys from t up to a, as the tables after t: [a], or [middle, a] when t has no key to a itself. */
    private List<List<Catalog.Table>> paths(Catalog.Table t, Catalog.Table a) {
        List<List<Catalog.Table>> out = new ArrayList<>();
        for (Catalog.Constraint fk : foreignKeys(t)) if (a.name().equals(fk.references())) return List.of(List.of(a));
        for (Catalog.Constraint fk : foreignKeys(t)) {
            if (fk.references() == null || fk.references().equals(t.name()) || isUsers(fk)) continue;
            Optional<Catalog.Table> mid = catalog.findTable(fk.references().display());
            if (mid.isEmpty()) continue;
            for (Catalog.Constraint up : foreignKeys(mid.get())) if (a.name().equals(up.references())) out.add(List.of(mid.get(), a));
        }
        return out;
    }

    /** Rows of t whose foreign key points at a parent row the person reaches. */
    Optional<Reach> through(Catalog.Table t, Catalog.Table parent, Reach p) {
        for (Catalog.Constraint fk : foreignKeys(t)) {
            if (fk.references() == null || !fk.references().equals(parent.name())) continue;
            String key = fk.columns().get(0);
            String ref = referenced(fk);
            List<Lookup> lookups = new ArrayList<>(p.lookups());
            if (p.values() != null && p.column().equals(ref)) return Optional.of(new Reach(key, p.values(), lookups));
            if (p.values() == null) lookups.add(0, new Lookup(parent, p.column()));
            return Optional.of(new Reach(key, "select p." + Quote.ident(ref) + " from " + parent.name().sql() + " p where " + p.filter(), lookups));
        }
        return Optional.empty();
    }

    /** "members" as bookings.member_id: a user column of t named for the person, and nothing else. */
    Optional<Reach> userColumn(String noun, Catalog.Table t) {
        String col = Inflect.singular(noun) + "_id";
        return foreignKeys(t).stream().filter(fk -> isUsers(fk) && fk.columns().get(0).equals(col)).findFirst().map(fk -> new Reach(col, null, List.of()));
    }

    /** The person named on t itself: a user column, a key to the person's table, the person's own row, or the person's link rows to t. */
    Optional<Reach> direct(String noun, Catalog.Table t) {
        return direct(noun, t, Set.of());
    }

    /** @param said the request's words, or null to ask only whether some link exists (several are then no question) */
    private Optional<Reach> direct(String noun, Catalog.Table t, Set<String> said) {
        String one = Inflect.singular(noun);
        List<Catalog.Constraint> fks = foreignKeys(t);
        Optional<Reach> column = userColumn(noun, t);
        if (column.isPresent()) return column;
        Optional<Reach> linked = linkedByUserColumn(noun, t, said);
        if (linked.isPresent()) return linked;
        Optional<Catalog.Table> person = catalog.findTable(noun).filter(p -> p.name().schema().equals("public"));
        if (person.isEmpty()) return Optional.empty();
        Catalog.Table p = person.get();
        Optional<String> owner = OwnerColumn.of(p);
        if (owner.isEmpty()) return Optional.empty();
        if (p == t) return Optional.of(new Reach(owner.get(), null, List.of()));
        for (Catalog.Constraint fk : fks) {
            if (p.name().equals(fk.references())) {
                String values = "select x." + Quote.ident(referenced(fk)) + " from " + p.name().sql() + " x where x." + Quote.ident(owner.get()) + " = " + UID;
                return Optional.of(new Reach(fk.columns().get(0), values, List.of(new Lookup(p, owner.get()))));
            }
        }
        // "staff" reach a clinic through their staff rows (staff.clinic_id -> clinics)
        for (Catalog.Constraint fk : foreignKeys(p)) {
            if (t.name().equals(fk.references())) {
                String values = "select x." + Quote.ident(fk.columns().get(0)) + " from " + p.name().sql() + " x where x." + Quote.ident(owner.get()) + " = " + UID;
                return Optional.of(new Reach(referenced(fk), values, List.of(new Lookup(p, owner.get()))));
            }
        }
        return Optional.empty();
    }

    /**
     * "students" reach courses through enrollments(student_id -> auth.users, course_id -> courses): the one
     * table that links them, or the one of several the request names ("enrolled students", "students in
     * enrollments"); else the request is asked about, one reading per table.
     */
    private Optional<Reach> linkedByUserColumn(String noun, Catalog.Table t, Set<String> said) {
        String one = Inflect.singular(noun);
        List<Reach> found = new ArrayList<>();
        for (Catalog.Table l : catalog.tables().values()) {
            if (l == t || !l.name().schema().equals("public")) continue;
            List<Catalog.Constraint> fks = foreignKeys(l);
            boolean person = fks.stream().anyMatch(fk -> isUsers(fk) && fk.columns().get(0).equals(one + "_id"));
            if (!person) continue;
            for (Catalog.Constraint fk : fks) {
                if (!t.name().equals(fk.references())) continue;
                String values = "select x." + Quote.ident(fk.columns().get(0)) + " from " + l.name().sql() + " x where x." + Quote.ident(one + "_id") + " = " + UID;
                found.add(new Reach(referenced(fk), values, List.of(new Lookup(l, one + "_id"))));
            }
        }
        if (found.size() > 1 && said != null) {
            List<Reach> named = found.stream().filter(r -> names(said, r.lookups().get(0).table().name().name())).toList();
            if (named.size() == 1) return Optional.of(named.get(0));
            List<PhraseReadings.Option> options = found.stream().map(r -> {
                String link = r.lookups().get(0).table().name().name();
                return new PhraseReadings.Option(noun + " in " + link, noun + " in " + link, "", r.lookups().get(0).table().name().sql());
            }).toList();
            throw new PhraseReadings(noun, "several tables link " + noun + " to " + t.name().name() + ": "
                    + String.join(", ", found.stream().map(r -> r.lookups().get(0).table().name().name()).toList()), options);
        }
        return found.stream().findFirst();
    }

    /** True when a word names the link table: its name, singular or plural, or its verb ("enrolled", "enrolling": enrollments). */
    private static boolean names(Set<String> said, String table) {
        for (String w : said) {
            if (Inflect.variants(w).contains(table)) return true;
            String stem = w.replaceFirst("(ed|ing)$", "");
            if (stem.length() >= 4 && stem.length() < w.length() && table.startsWith(stem)) return true;
        }
        return false;
    }

    private static boolean isUsers(Catalog.Constraint fk) {
        return fk.references() != null && fk.references().display().equals("auth.users");
    }

    private static List<Catalog.Constraint> foreignKeys(Catalog.Table t) {
        return t.constraints().stream().filter(c -> c.type().equals("f") && c.columns().size() == 1).toList();
    }

    private static String referenced(Catalog.Constraint fk) {
        Matcher m = REFERENCED.matcher(fk.definition());
        return m.find() ? m.group(1) : "id";
    }
}
