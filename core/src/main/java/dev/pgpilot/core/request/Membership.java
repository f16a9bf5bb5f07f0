package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How "members" reach a table's rows: the table has a parent key (project_id, organization_id)
 * and a link table holds (user_id, that key). A row is a member's when its key is one of the
 * keys linked to the signed-in user.
 *
 * @param link the table linking users to the parent; @param key the column both tables share
 */
record Membership(Catalog.Table link, String key) {

    /** The row filter: the key is one of the current user's (auth.uid() read once per statement, as Supabase advises). */
    String filter(String roleFilter) {
        return Quote.ident(key) + " in (select m." + Quote.ident(key) + " from " + link.name().sql() + " m where m.\"user_id\" = " + PolicyPhrases.UID
                + (roleFilter == null ? "" : " and " + roleFilter) + ")";
    }

    /**
     * "m.role in ('owner', 'admin')" for the wanted roles the link table's role column can hold
     * (an enum's values; any text), or empty when it has no role column or none of those roles.
     */
    Optional<String> roleFilter(Catalog catalog, List<String> wanted) {
        Catalog.Column role = link.columns().get("role");
        if (role == null) return Optional.empty();
        List<String> allowed = catalog.findEnum(role.type()).map(Catalog.EnumType::values).orElse(role.type().equals("text") ? wanted : List.of());
        List<String> roles = wanted.stream().filter(allowed::contains).toList();
        if (roles.isEmpty()) return Optional.empty();
        return Optional.of("m.\"role\" in (" + String.join(", ", roles.stream().map(Quote::literal).toList()) + ")");
    }

    static Optional<Membership> find(Catalog catalog, Catalog.Table t) {
        try {
            return Optional.of(of(catalog, t));
        } catch (PilotException e) {
            return Optional.empty();
        }
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
