package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.indexName;
import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;
import static dev.pgpilot.core.request.Vocabulary.FILLER;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.AddForeignKey;
import dev.pgpilot.core.request.Lexer.Tok;
import java.util.List;
import java.util.Optional;

/** "comments.post_id references posts", "link comments to posts", "orders belong to customers": slots column and referenced table. */
record ForeignKeyFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        boolean adding = AddColumnsFrame.adding(w);
        return w.phrase("foreign", "key") || !adding && (w.has("references") || w.has("referencing")) || w.has("->") && !adding
                || w.phrase("belong", "to") || w.phrase("belongs", "to") || w.first().is("link", "connect", "relate");
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog catalog = slots.catalog();
        List<Tok> all = w.all();
        int arrow = -1;
        for (int i = 0; i < all.size(); i++) if (all.get(i).is("->", "references", "referencing", "to", "reference") && i > 0) { arrow = i; if (!all.get(i).is("to")) break; }
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
        String table = from.table().name().name();
        String col = from.column().name();
        return List.of(new AddForeignKey(from.table().name(), col, ref.table(), ref.column(), "cascade",
                trim63(table + "_" + col + "_fkey"), indexName("idx", table, List.of(col))));
    }
}
