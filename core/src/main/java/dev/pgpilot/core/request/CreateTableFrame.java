package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.OWNER_ID_NAMES;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.ChangeRequest.CreateTable;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "create table invoices with amount numeric(12,2)", "add a wishlists table", "a join table
 * product_labels linking products and labels", "create table comments for posts with body text":
 * slots name, parent table, linked tables and columns.
 */
record CreateTableFrame(Slots slots) implements Frame {
    /**
     * True when the word "table" is the object of a creating verb ("create table x", "add a wishlists
     * table", "we need a new table for ..."). A table after a preposition or a column word ("add a
     * column nickname to the userz table") names an existing table, which must then resolve; an
     * unknown one is refused, never turned into a new table.
     */
    static boolean createsTable(Words w) {
        int at = w.indexOfAny(Set.of("table", "tables"));
        for (int i = at - 1; i >= 0; i--) {
            Tok x = w.tok(i);
            if (x.is("create", "add", "new", "make", "introduce", "need", "needs", "set", "build")) return true;
            if (x.is("to", "on", "in", "into", "of", "from", "column", "columns", "field", "fields")) return false;
        }
        return false;
    }

    @Override
    public boolean fits(Words w) {
        return createsTable(w);
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog catalog = slots.catalog();
        List<Tok> all = w.all();
        int tableAt = w.indexOfAny(Set.of("table", "tables"));
        int i = tableAt + 1;
        while (i < all.size() && all.get(i).is("called", "named")) i++;
        // "create table invoices ...", "a table called user_settings": the name after the word table;
        // "create a wishlists table with ...", "we need a time_entries table: ...": the words before it
        List<String> before = nameBefore(all, tableAt);
        String name;
        if (i < all.size() && all.get(i).word() && !all.get(i).is("for", "with", "linking", "between", "having", "containing", "where")) {
            name = all.get(i).text();
            i++;
        } else if (!before.isEmpty()) {
            name = String.join("_", before);
        } else {
            throw refuse("incomplete request: what is the table called?", "e.g. \"create table invoices with amount numeric(12,2)\"");
        }
        Quote.checkIdentifier(name);
        if (catalog.findTable(name).filter(t -> t.name().name().equals(name)).isPresent()) {
            throw refuse("table " + name + " already exists", "pick another name, or add columns to it: \"add x text to " + name + "\"");
        }
        QualifiedName q = QualifiedName.pub(name);
        boolean junction = w.has("join") || w.has("junction") || w.has("pivot") || w.has("linking") || w.has("link") || w.has("between") && !w.has("with");
        if (junction) return List.of(junction(q, all.subList(Math.min(i, all.size()), all.size())));
        List<ColumnDef> cols = new ArrayList<>();
        Tok parent = null;
        if (i < all.size() && all.get(i).is("for")) {
            int p = i + 1;
            while (p < all.size() && FILLER.contains(all.get(p).text())) p++;
            if (p >= all.size() || !all.get(p).word()) throw refuse("for which table?", null);
            parent = all.get(p);
            i = p + 1;
        }
        while (i < all.size() && all.get(i).is("with", "having", "containing", "that", "has", "and", "columns", "fields", ":", "(")) i++;
        List<Tok> rest = new ArrayList<>(w.sub(i, all.size()));
        if (!rest.isEmpty() && rest.get(rest.size() - 1).is(")")) rest = rest.subList(0, rest.size() - 1);
        Optional<Tok> perOwner = onePer(rest);
        List<String> key = List.of();
        List<List<Tok>> parts = ColumnList.split(rest);
        boolean namesThenTypes = ColumnList.namesThenTypes(parts);
        for (List<Tok> part : parts) {
            if (part.size() > 1 && part.get(0).is("primary") && part.get(1).is("key")) {
                key = pairKey(part, cols, key);
                continue;
            }
            ColumnPhrase.Parsed parsed = slots.columns().parsed(part, namesThenTypes);
            ColumnDef c = parsed.column();
            if (parsed.primaryKey()) {
                // the Supabase profiles shape: "id uuid primary key references auth.users on delete cascade"
                if (!key.isEmpty()) throw refuse("two primary keys: " + String.join(", ", key) + " and " + c.name(), "a table has one primary key");
                if (cols.stream().anyMatch(x -> x.name().equals(c.name()))) throw refuse("column " + c.name() + " named twice", null);
                key = List.of(c.name());
                cols.add(c);
                continue;
            }
            if (c.name().equals("id")) continue;
            if (Set.of("created_at", "updated_at").contains(c.name())) {
                // every new table has these; the standard one unless the request gives another type or default
                boolean standard = c.type().equals("timestamptz") && (c.defaultSql() == null || Set.of("now()", "current_timestamp").contains(c.defaultSql()));
                cols.add(standard ? new ColumnDef(c.name(), "timestamptz", true, "now()", false, null, null) : c);
                continue;
            }
            if (cols.stream().anyMatch(x -> x.name().equals(c.name()))) throw refuse("column " + c.name() + " named twice", null);
            if (OWNER_ID_NAMES.contains(c.name()) && c.references() == null && c.type().equals("uuid")) {
                cols.add(c.withReferences(new ColumnDef.ForeignRef(new QualifiedName("auth", "users"), "id", "cascade")).withNotNull(true));
            } else {
                cols.add(c);
            }
        }
        if (parent != null) cols.add(0, parentColumn(parent, cols));
        if (perOwner.isPresent()) onlyOneRowPer(perOwner.get(), cols, key);
        String owner = OwnerColumn.among(cols).orElse(null);
        return List.of(new CreateTable(q, cols, false, owner, !catalog.hasFunction("public.set_updated_at"), key));
    }

    /**
     * "for projects": the table the new one belongs to, referenced by a new parent_id column.
     * "for users" is auth.users; "for teachers" where the columns already hold a teacher_id says
     * whose rows they are, and adds nothing.
     */
    private ColumnDef parentColumn(Tok parent, List<ColumnDef> cols) {
        String id = Inflect.singular(parent.text()) + "_id";
        Optional<ColumnDef> listed = cols.stream().filter(c -> c.name().equals(id) && c.references() != null).findFirst();
        if (listed.isPresent()) {
            cols.remove(listed.get());
            return listed.get();
        }
        ColumnDef.ForeignRef ref = slots.targets().of(parent.text());
        String type = slots.catalog().findTable(ref.table().display()).flatMap(t -> t.column(ref.column())).map(Catalog.Column::type).orElse("uuid");
        boolean user = ref.table().equals(new QualifiedName("auth", "users"));
        return new ColumnDef(user ? "user_id" : Inflect.singular(ref.table().name()) + "_id", type, true, null, false, ref, null);
    }

    /** "one row per user", "one per project": takes those words out of the column list and returns the owner word. */
    private static Optional<Tok> onePer(List<Tok> rest) {
        for (int k = 0; k + 2 < rest.size(); k++) {
            if (!rest.get(k).is("one")) continue;
            int per = rest.get(k + 1).is("row", "record", "entry") ? k + 2 : k + 1;
            if (per + 1 >= rest.size() || !rest.get(per).is("per") || !rest.get(per + 1).word()) continue;
            Tok owner = rest.get(per + 1);
            rest.subList(k, per + 2).clear();
            return Optional.of(owner);
        }
        return Optional.empty();
    }

    /**
     * "one row per user": the column that refers to the user (or to the named table) holds each
     * value once. When it is the whole primary key that is so already; else it is made unique.
     */
    private void onlyOneRowPer(Tok owner, List<ColumnDef> cols, List<String> key) {
        ColumnDef.ForeignRef target = slots.targets().of(owner.text());
        List<ColumnDef> refs = cols.stream().filter(c -> c.references() != null && c.references().table().equals(target.table())).toList();
        if (refs.size() != 1) {
            throw refuse("one row per " + owner.raw() + ": " + (refs.isEmpty() ? "no column of the new table refers to " : refs.size() + " columns of the new table refer to ") + target.table().display(),
                    "give the table one column that references " + target.table().display() + ", e.g. \"user_id references auth.users\"");
        }
        ColumnDef c = refs.get(0);
        if (key.equals(List.of(c.name()))) return;
        cols.set(cols.indexOf(c), c.withUnique(true).withNotNull(true));
    }

    /**
     * The name written before the word table: one word, or the words of a compound ("a project
     * invitations table" is project_invitations), stopping at the article or verb before them and
     * skipping "join"/"link" ("a listing_tags join table").
     */
    private static List<String> nameBefore(List<Tok> all, int tableAt) {
        int end = tableAt;
        if (end > 0 && all.get(end - 1).is("join", "junction", "link", "linking", "pivot")) end--;
        int start = end;
        while (start > 0 && end - start < 3 && plainName(all.get(start - 1))) start--;
        return all.subList(start, end).stream().map(Tok::text).toList();
    }

    private static boolean plainName(Tok t) {
        return t.word() && !t.text().contains(".") && !FILLER.contains(t.text()) && !ADD.contains(t.text()) && !STOP.contains(t.text())
                && !t.is("we", "i", "you", "please", "join", "junction", "link", "linking", "pivot", "us", "let", "lets", "also", "another");
    }

    /** "primary key on both", "primary key on the pair": the table's two columns together. */
    private static List<String> pairKey(List<Tok> part, List<ColumnDef> cols, List<String> key) {
        if (!key.isEmpty()) throw refuse("two primary keys", "a table has one primary key");
        boolean pair = part.stream().anyMatch(t -> t.is("both", "pair", "two"));
        if (!pair || cols.size() != 2) {
            throw refuse("a primary key on which columns?", "say \"primary key on both\" after two columns, or mark one column \"primary key\"");
        }
        return List.of(cols.get(0).name(), cols.get(1).name());
    }

    /** A link table: exactly two referenced tables, its primary key their two foreign keys. */
    private CreateTable junction(QualifiedName q, List<Tok> rest) {
        List<ColumnDef.ForeignRef> linked = new ArrayList<>();
        for (Tok t : rest) {
            if (t.word() && !FILLER.contains(t.text()) && !STOP.contains(t.text()) && !t.is("linking", "between", "link", "connecting")) linked.add(slots.targets().of(t.text()));
        }
        if (linked.size() != 2) throw refuse("a join table links exactly two tables", "e.g. \"create a join table product_labels linking products and labels\"");
        List<ColumnDef> cols = new ArrayList<>();
        for (ColumnDef.ForeignRef ref : linked) {
            String type = slots.catalog().findTable(ref.table().display()).flatMap(t -> t.column(ref.column())).map(Catalog.Column::type).orElse("uuid");
            cols.add(new ColumnDef(Inflect.singular(ref.table().name()) + "_id", type, true, null, false, ref, null));
        }
        if (cols.get(0).name().equals(cols.get(1).name())) throw refuse("a join table of a table with itself needs column names", "create it with explicit columns");
        return new CreateTable(q, cols, true, null, !slots.catalog().hasFunction("public.set_updated_at"));
    }
}
