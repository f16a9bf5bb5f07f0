package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.Comment;
import dev.pgpilot.core.request.Quote;

/** COMMENT ON a table or column; the down puts back the comment before (or none). */
final class CommentRenderer implements ChangeRenderer<Comment> {
    @Override
    public void render(Comment c, ChangeSql o) {
        String target = c.column() == null ? "table " + c.table().sql() : "column " + c.table().sql() + "." + Quote.ident(c.column());
        o.up(Section.COMMENTS, "comment on " + target + " is " + Quote.literal(c.text()) + ";");
        o.down.add("comment on " + target + " is " + (c.previous() == null ? "null" : Quote.literal(c.previous())) + ";");
    }

    @Override
    public boolean locksExistingTable(Comment c) { return false; }
}
