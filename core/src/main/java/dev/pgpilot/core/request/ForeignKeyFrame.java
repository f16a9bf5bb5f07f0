package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.indexName;
import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;
import static dev.pgpilot.core.request.Vocabulary.FILLER;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.AddForeignKey;
import dev.pgpilot.core.request.ChangeRequest.ChangeOnDelete;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;

/** "comments.post_id references posts", "link comments to posts", "orders belong to customers": slots column and referenced table. */
record ForeignKeyFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        boolean adding = AddColumnsFrame.adding(w);
        return w.phrase("foreign", "key") || !adding && (w.has("references") || w.has("referencing") || w.has("reference")) || w.has("->") && !adding
                || w.phrase("belong", "to") || w.phrase("belongs", "to") || w.first().is("link", "connect", "relate")
                // "courses.teacher_id: on delete cascade", "when a category is deleted, set listings.category_id to null"
                || !adding && w.dotted().isPresent() && OnDelete.of(w.all()).isPresent();
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog catalog = slots.catalog();
        List<Tok> all = w.all();
        int arrow = -1;
        for (int i = 0; i < all.size(); i++) if (all.get(i).is("->", "references", "referencing", "to", "reference") && i > 0) { arrow = i; if (!all.get(i).is("to")) break; }
        Optional<String> said = OnDelete.of(all);
        boolean noTarget = arrow < 0 || all.get(arrow).is("to") && !namesTarget(all.subList(arrow + 1, all.size()));
        if (noTarget && said.isPresent()) return implied(w, said.get());
        if (arrow < 0) throw refuse("foreign key from what to what?", "e.g. \"add foreign key comments.post_id -> posts.id\"");
        List<Tok> left = w.sub(0, arrow);
        List<Tok> right = w.sub(arrow + 1, all.size());
        Tok target = right.stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("table")).findFirst()
                .orElseThrow(() -> refuse("references which table?", "e.g. \"comments.post_id references posts\""));
        String tname = target.text().contains(".") && catalog.findTable(target.text()).isEmpty() ? target.text().substring(0, target.text().indexOf('.')) : target.text();
        ColumnDef.ForeignRef ref = slots.targets().of(tname);
        if (target.text().contains(".") && catalog.findTable(target.text()).isEmpty()) {
            String rc = target.text().substring(target.text().indexOf('.') + 1);
            catalog.column(catalog.table(tname), rc);
            ref = new ColumnDef.ForeignRef(ref.table(), rc, ref.onDelete());
        }
        NameLinks.ColRef from;
        try {
            from = slots.names().columnRef(w, left);
        } catch (PilotException e) {
            // "link comments to posts": the column is <singular target>_id
            Catalog.Table t = left.stream().filter(x -> x.word()).map(x -> catalog.findTable(x.text())).flatMap(Optional::stream).findFirst().orElseThrow(() -> e);
            String col = Inflect.singular(ref.table().name()) + "_id";
            from = new NameLinks.ColRef(t, catalog.column(t, col));
        }
        return List.of(key(from, ref, said));
    }

    /**
     * The key the words ask for. When the column has a key to that table already, what a delete
     * does is the one thing the request can change: said and different, the key's ON DELETE
     * changes; not said, the key is asked for as it is (and is already there).
     */
    private ChangeRequest key(NameLinks.ColRef from, ColumnDef.ForeignRef ref, Optional<String> said) {
        String table = from.table().name().name();
        String col = from.column().name();
        Optional<Catalog.Constraint> have = existing(from).filter(c -> ref.table().equals(c.references()));
        String onDelete = said.orElse(have.map(c -> ExistingObjects.onDelete(c.definition())).orElse("cascade"));
        if (have.isPresent() && !ExistingObjects.onDelete(have.get().definition()).equals(onDelete)) {
            return new ChangeOnDelete(from.table().name(), col, ref.table(), ref.column(), onDelete, have.get().name(), have.get().definition());
        }
        return new AddForeignKey(from.table().name(), col, ref.table(), ref.column(), onDelete, trim63(table + "_" + col + "_fkey"), indexName("idx", table, List.of(col)));
    }

    /** The single-column foreign key the column has, if any. */
    private static Optional<Catalog.Constraint> existing(NameLinks.ColRef from) {
        return from.table().constraints().stream().filter(c -> c.type().equals("f") && c.columns().equals(List.of(from.column().name()))).findFirst();
    }

    /** True when the words after "to" start with a table ("to projects", "to auth.users"), not a value ("to null"). */
    private boolean namesTarget(List<Tok> right) {
        return right.stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("table")).findFirst()
                .map(t -> t.is("users", "user", "auth.users") || slots.catalog().findTable(t.text().contains(".") && slots.catalog().findTable(t.text()).isEmpty()
                        ? t.text().substring(0, t.text().indexOf('.')) : t.text()).isPresent()).orElse(false);
    }

    /**
     * A foreign key named by its column and what happens on delete, with no "references": the
     * table is the column's own (category_id: categories; created_by, graded_by: auth.users), or
     * the one the request says is deleted ("when the user is deleted", "cascade deletes from patients").
     */
    private List<ChangeRequest> implied(Words w, String onDelete) {
        Catalog catalog = slots.catalog();
        NameLinks.ColRef from = slots.names().columnRef(w, w.all());
        String col = from.column().name();
        // the table the column's key points to already ("courses.teacher_id: on delete cascade")
        ColumnDef.ForeignRef ref = existing(from).map(c -> slots.targets().of(c.references().display())).orElse(null);
        if (ref == null && col.endsWith("_id")) ref = catalog.findTable(col.substring(0, col.length() - 3)).map(t -> slots.targets().of(t.name().display())).orElse(null);
        if (ref == null && (col.endsWith("_by") || OwnerColumn.isOwnerName(col))) ref = slots.targets().of("auth.users");
        List<Tok> all = w.all();
        for (int i = 0; ref == null && i < all.size(); i++) {
            Tok t = all.get(i);
            boolean deletedNext = i + 2 < all.size() && all.get(i + 1).is("is", "are", "gets") && all.get(i + 2).is("deleted", "removed");
            boolean afterFrom = i > 0 && all.get(i - 1).is("from");
            if (t.word() && (deletedNext || afterFrom) && (t.is("user", "users") || catalog.findTable(t.text()).isPresent())) ref = slots.targets().of(t.text());
        }
        if (ref == null) throw refuse("references which table?", "e.g. \"" + from.table().name().name() + "." + col + " references ...\"");
        return List.of(key(from, ref, Optional.of(onDelete)));
    }
}
