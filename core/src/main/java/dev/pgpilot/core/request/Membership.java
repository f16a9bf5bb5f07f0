package dev.pgpilot.core.request;

import java.util.Comparator;
import java.util.List;

/**
 * How "members" reach a table's rows: the table has a parent key (project_id, organization_id)
 * and a link table holds (user_id, that key). A row is a member's when its key is one of the
 * keys linked to the signed-in user.
 *
 * @param link the table linking users to the parent; @param key the column both tables share
 */
record Membership(Catalog.Table link, String key) {

    /** The row filter: the key is one of the current user's (auth.uid() read once per statement, as Supabase advises). */
    String filter() {
        return Sql.ident(key) + " in (select m." + Sql.ident(key) + " from " + link.name().sql() + " m where m.\"user_id\" = " + PolicyPhrases.UID + ")";
    }

    static Membership of(Catalog catalog, Catalog.Table t) {
        for (String col : t.columns().keySet()) {
            if (!col.endsWith("_id") || col.equals("id") || OwnerColumn.isOwnerName(col)) continue;
            // a link table named for membership wins over one that merely has both columns
            List<Catalog.Table> links = catalog.tables().values().stream()
                    .filter(x -> x.name().schema().equals("public") && x != t && x.columns().containsKey("user_id") && x.columns().containsKey(col))
                    .sorted(Comparator.comparing((Catalog.Table x) -> !x.name().name().contains("member"))).toList();
            if (!links.isEmpty()) return new Membership(links.get(0), col);
        }
        throw RequestParser.refuse("no membership table links users to " + t.name().name(),
                "members policies need e.g. memberships(user_id, organization_id) and " + t.name().name() + ".organization_id");
    }
}
