package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.indexName;

import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.Lexer.Tok;
import java.util.ArrayList;
import java.util.List;

/** "make customers.email unique", "no duplicate emails in customers", "slug distinct on posts": slots table and columns. */
record UniqueFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        boolean adding = AddColumnsFrame.adding(w);
        return (!adding || w.has("constraint") || w.has("index")) && w.has("unique") || !adding && w.has("distinct")
                || w.phrase("no", "duplicate") || w.phrase("no", "duplicates");
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<String> cols = new ArrayList<>();
        NameLinks.ColRef r = slots.names().columnRef(w, w.all());
        Catalog.Table table = r.table();
        for (Tok t : w.all()) if (t.word() && table.columns().containsKey(t.text()) && !cols.contains(t.text())) cols.add(t.text());
        for (Tok t : w.all()) if (t.word() && t.text().startsWith(table.name().name() + ".")) {
            String c = t.text().substring(t.text().indexOf('.') + 1);
            if (!cols.contains(c)) cols.add(0, c);
        }
        if (cols.isEmpty()) cols.add(r.column().name());
        return List.of(new CreateIndex(table.name(), indexName("uq", table.name().name(), cols), List.copyOf(cols), true, null, false));
    }
}
