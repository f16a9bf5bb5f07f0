package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.CreateBucket;
import dev.pgpilot.core.request.Quote;

/**
 * A storage bucket. One that is there when this runs was made by someone else, and the down script
 * deletes the bucket: so this refuses it rather than skip it (the planner says "already there" earlier).
 */
final class CreateBucketRenderer implements ChangeRenderer<CreateBucket> {
    @Override
    public void render(CreateBucket c, ChangeSql o) {
        String mimes = c.mimeTypes().isEmpty() ? "null" : "array[" + String.join(", ", c.mimeTypes().stream().map(Quote::literal).toList()) + "]";
        o.up(Section.TABLES, doBlock("begin\n  if exists (select 1 from storage.buckets where id = " + Quote.literal(c.id()) + ") then\n"
                + "    raise exception 'bucket % already exists: this migration creates it, and its down script deletes it', " + Quote.literal(c.id())
                + "\n      using hint = 'plan the request again: pgpilot leaves out what is already there';\n  end if;\n"
                + "  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)\n  values ("
                + Quote.literal(c.id()) + ", " + Quote.literal(c.id()) + ", " + c.isPublic() + ", " + (c.sizeLimit() == null ? "null" : c.sizeLimit())
                + ", " + mimes + ");\nend"));
        // Supabase refuses SQL deletes from storage tables unless storage.allow_delete_query is on (its
        // Storage API turns it on), so a bare delete would fail there and here alike.
        o.down.add("-- delete the bucket's files through the Storage API first, or they stay in the object store");
        o.down.add("set local storage.allow_delete_query = 'true';");
        o.down.add("delete from storage.buckets where id = " + Quote.literal(c.id()) + ";");
    }

    @Override
    public boolean locksExistingTable(CreateBucket c) { return false; }
}
