package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.Comment;
import dev.pgpilot.core.request.Sql;

/** COMMENT ON a table or column; the down puts back the comment before (or none). */
final class CommentRenderer implements ChangeRenderer<Comment> {
    @Override
    public void render(Comment c, ChangeSql o) {
        String target = c.column() == null ? "table " + c.table().sql() : "column " + c.table().sql() + "." + Sql.ident(c.column());
        o.up(Section.COMMENTS, "comment on " + target + " is " + Sql.literal(c.text()) + ";");
        o.down.add("comment on " + target + " is " + (c.previous() == null ? "null" : Sql.literal(c.previous())) + ";");
    }

    @Override
    public boolean locksExistingTable(Comment c) { return false; }
}
