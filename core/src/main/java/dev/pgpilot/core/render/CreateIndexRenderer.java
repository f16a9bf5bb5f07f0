package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;

/** CREATE INDEX: in the first file on a new table, else CONCURRENTLY in the next one. */
final class CreateIndexRenderer implements ChangeRenderer<CreateIndex> {
    @Override
    public void render(CreateIndex c, ChangeSql o) {
        String drop = " if exists " + new QualifiedName(c.table().schema(), c.name()).sql() + ";";
        if (o.isNew(c.table())) {
            o.up(Section.INDEXES, createIndex(c, false));
            o.down.add("drop index" + drop);
        } else {
            o.later(LaterSection.INDEXES, createIndex(c, true));
            o.laterDown.add("drop index concurrently" + drop);
        }
    }

    /** On a new table the CreateTable decides; on an existing one it is built concurrently in the next file. */
    @Override
    public boolean locksExistingTable(CreateIndex c) { return false; }

    private static String createIndex(CreateIndex c, boolean concurrently) {
        String cols;
        if (c.fullText()) {
            cols = "to_tsvector('english'::regconfig, " + String.join(" || ' ' || ", c.columns().stream().map(x -> "coalesce(" + Quote.ident(x) + ", '')").toList()) + ")";
        } else {
            cols = String.join(", ", c.columns().stream().map(x -> (c.lowered().contains(x) ? "lower(" + Quote.ident(x) + ")" : Quote.ident(x))
                    + (c.descending().contains(x) ? " desc" : "")).toList());
        }
        return "create " + (c.unique() ? "unique " : "") + "index " + (concurrently ? "concurrently " : "") + "if not exists " + Quote.ident(c.name()) + " on " + c.table().sql()
                + (c.fullText() || c.gin() ? " using gin" : "") + " (" + cols + ")" + (c.where() == null ? "" : " where " + c.where()) + ";";
    }
}
