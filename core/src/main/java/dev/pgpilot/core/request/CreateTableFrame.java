package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.OWNER_ID_NAMES;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.ChangeRequest.CreateTable;
import dev.pgpilot.core.request.Lexer.Tok;
import java.util.ArrayList;
import java.util.List;
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
        while (i < all.size() && all.get(i).is("called", "named", "for", ":")) { if (all.get(i).is("for")) break; i++; }
        // "create a wishlists table": name before the word table
        String name;
        if (i < all.size() && all.get(i).word() && !all.get(i).is("for", "with", "linking", "between", "having", "containing")) {
            name = all.get(i).text();
            i++;
        } else if (tableAt > 0 && all.get(tableAt - 1).word() && !FILLER.contains(all.get(tableAt - 1).text()) && !ADD.contains(all.get(tableAt - 1).text())
                && !all.get(tableAt - 1).is("join", "junction", "link", "linking", "pivot")) {
            name = all.get(tableAt - 1).text();
        } else {
            throw refuse("incomplete request: what is the table called?", "e.g. \"create table invoices with amount numeric(12,2)\"");
        }
        Sql.checkIdentifier(name);
        if (catalog.findTable(name).filter(t -> t.name().name().equals(name)).isPresent()) {
            throw refuse("table " + name + " already exists", "pick another name, or add columns to it: \"add x text to " + name + "\"");
        }
        QualifiedName q = QualifiedName.pub(name);
        boolean junction = w.has("join") || w.has("junction") || w.has("pivot") || w.has("linking") || w.has("link") || w.has("between") && !w.has("with");
        if (junction) return List.of(junction(q, all.subList(Math.min(i, all.size()), all.size())));
        List<ColumnDef> cols = new ArrayList<>();
        if (i < all.size() && all.get(i).is("for")) {
            Tok parent = i + 1 < all.size() ? all.get(i + 1) : null;
            if (parent == null) throw refuse("for which table?", null);
            int p = i + 1;
            while (p < all.size() && FILLER.contains(all.get(p).text())) p++;
            Catalog.Table pt = catalog.table(all.get(p).text());
            ColumnDef.ForeignRef ref = slots.targets().of(pt.name().display());
            cols.add(new ColumnDef(Inflect.singular(pt.name().name()) + "_id", pt.column(ref.column()).map(Catalog.Column::type).orElse("uuid"), true, null, false, ref, null));
            i = p + 1;
        }
        while (i < all.size() && all.get(i).is("with", "having", "containing", "that", "has", "and", "columns", "fields", ":", "(")) i++;
        List<Tok> rest = w.sub(i, all.size());
        if (!rest.isEmpty() && rest.get(rest.size() - 1).is(")")) rest = rest.subList(0, rest.size() - 1);
        List<String> key = List.of();
        for (List<Tok> part : ColumnList.split(rest)) {
            if (part.size() > 1 && part.get(0).is("primary") && part.get(1).is("key")) {
                key = pairKey(part, cols, key);
                continue;
            }
            ColumnPhrase.Parsed parsed = slots.columns().parsed(part);
            ColumnDef c = parsed.column();
            if (parsed.primaryKey()) {
                // the Supabase profiles shape: "id uuid primary key references auth.users on delete cascade"
                if (!key.isEmpty()) throw refuse("two primary keys: " + String.join(", ", key) + " and " + c.name(), "a table has one primary key");
                if (cols.stream().anyMatch(x -> x.name().equals(c.name()))) throw refuse("column " + c.name() + " named twice", null);
                key = List.of(c.name());
                cols.add(c);
                continue;
            }
            if (Set.of("id", "created_at", "updated_at").contains(c.name())) continue;
            if (cols.stream().anyMatch(x -> x.name().equals(c.name()))) throw refuse("column " + c.name() + " named twice", null);
            if (OWNER_ID_NAMES.contains(c.name()) && c.references() == null && c.type().equals("uuid")) {
                cols.add(c.withReferences(new ColumnDef.ForeignRef(new QualifiedName("auth", "users"), "id", "cascade")).withNotNull(true));
            } else {
                cols.add(c);
            }
        }
        String owner = OwnerColumn.among(cols).orElse(null);
        return List.of(new CreateTable(q, cols, false, owner, !catalog.hasFunction("public.set_updated_at"), key));
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
