package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.CreateBucket;
import dev.pgpilot.core.request.Quote;

/**
 * A storage bucket. One that is there when this runs was made by someone else, and the down script
 * deletes the bucket: so this refuses it rather than skip it (the planner says "already there" earlier).
 * The down deletes it only while it holds no files, and says so when it does.
 */
final class CreateBucketRenderer implements ChangeRenderer<CreateBucket> {
    @Override
    public void render(CreateBucket c, ChangeSql o) {
        String id = Quote.literal(c.id());
        o.up(Section.TABLES, doBlock("begin\n  if exists (select 1 from storage.buckets where id = " + id + ") then\n"
                + "    raise exception 'bucket % already exists: this migration creates it, and its down script deletes it', " + id
                + "\n      using hint = 'plan the request again: pgpilot leaves out what is already there';\n  end if;\n"
                + "  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)\n  values ("
                + id + ", " + id + ", " + c.isPublic() + ", " + (c.sizeLimit() == null ? "null" : c.sizeLimit())
                + ", " + mimeArray(c.mimeTypes()) + ");\nend"));
        // Supabase refuses SQL deletes from storage tables unless storage.allow_delete_query is on (its
        // Storage API turns it on). Files still in the bucket are refused by name, not by a foreign key
        // error: deleting their rows here would leave the files in the object store with nothing pointing at them.
        o.down.add("set local storage.allow_delete_query = 'true';");
        o.down.add(doBlock("declare files bigint;\nbegin\n  select count(*) into files from storage.objects where bucket_id = " + id + ";\n"
                + "  if files > 0 then\n    raise exception 'bucket % still holds % files: the down script deletes only an empty bucket', " + id + ", files\n"
                + "      using hint = 'delete its files through the Storage API (or the Supabase dashboard) first';\n  end if;\n"
                + "  delete from storage.buckets where id = " + id + ";\nend"));
    }

    /** The allowed_mime_types value: null takes any type. */
    static String mimeArray(java.util.List<String> mimes) {
        return mimes.isEmpty() ? "null" : "array[" + String.join(", ", mimes.stream().map(Quote::literal).toList()) + "]";
    }

    @Override
    public boolean locksExistingTable(CreateBucket c) { return false; }
}
