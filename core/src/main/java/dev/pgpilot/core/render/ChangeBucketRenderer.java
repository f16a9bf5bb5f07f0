package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.ChangeBucket;
import dev.pgpilot.core.request.Quote;
import java.util.ArrayList;
import java.util.List;

/**
 * UPDATE storage.buckets for the settings the request names; the down puts back what the bucket
 * had before, setting by setting. A bucket that is gone by the time this runs is an error: an
 * update of no row would say nothing.
 */
final class ChangeBucketRenderer implements ChangeRenderer<ChangeBucket> {
    @Override
    public void render(ChangeBucket c, ChangeSql o) {
        List<String> set = new ArrayList<>();
        List<String> back = new ArrayList<>();
        if (c.isPublic() != null) {
            set.add("public = " + c.isPublic());
            back.add("public = " + c.was().isPublic());
        }
        if (c.sizeLimit() != null) {
            set.add("file_size_limit = " + c.sizeLimit());
            back.add("file_size_limit = " + (c.was().sizeLimit() == null ? "null" : c.was().sizeLimit()));
        }
        if (c.mimeTypes() != null) {
            set.add("allowed_mime_types = " + CreateBucketRenderer.mimeArray(c.mimeTypes()));
            back.add("allowed_mime_types = " + CreateBucketRenderer.mimeArray(c.was().mimeTypes()));
        }
        String id = Quote.literal(c.id());
        o.up(Section.TABLES, doBlock("begin\n  update storage.buckets set " + String.join(", ", set) + " where id = " + id + ";\n"
                + "  if not found then\n    raise exception 'there is no bucket %', " + id + ";\n  end if;\nend"));
        o.down.add("update storage.buckets set " + String.join(", ", back) + " where id = " + id + ";");
    }

    @Override
    public boolean locksExistingTable(ChangeBucket c) { return false; }
}
