package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.commentText;

import dev.pgpilot.core.request.ChangeRequest.AddEnumValue;
import dev.pgpilot.core.request.Quote;

/** ADD VALUE; the down can only say so, since PostgreSQL cannot remove a value from an enum. */
final class AddEnumValueRenderer implements ChangeRenderer<AddEnumValue> {
    @Override
    public void render(AddEnumValue c, ChangeSql o) {
        o.up(Section.TABLES, "alter type " + c.type().sql() + " add value if not exists " + Quote.literal(c.value()) + ";");
        o.down.add("-- PostgreSQL cannot remove a value from an enum: " + commentText(c.value()) + " stays in " + c.type().display());
    }

    @Override
    public boolean locksExistingTable(AddEnumValue c) { return false; }
}
