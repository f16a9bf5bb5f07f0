package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.commentText;

import dev.pgpilot.core.request.ChangeRequest.AddEnumValue;
import dev.pgpilot.core.request.Quote;

/** ADD VALUE, at the place the request gave it; the down can only say so, since PostgreSQL cannot remove a value from an enum. */
final class AddEnumValueRenderer implements ChangeRenderer<AddEnumValue> {
    @Override
    public void render(AddEnumValue c, ChangeSql o) {
        // "between a and b" carries both neighbours: they are next to each other, so "before b" puts it there
        String at = c.before() != null ? " before " + Quote.literal(c.before()) : c.after() != null ? " after " + Quote.literal(c.after()) : "";
        o.up(Section.TABLES, "alter type " + c.type().sql() + " add value if not exists " + Quote.literal(c.value()) + at + ";");
        o.down.add("-- PostgreSQL cannot remove a value from an enum: " + commentText(c.value()) + " stays in " + c.type().display());
    }

    @Override
    public boolean locksExistingTable(AddEnumValue c) { return false; }
}
