package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** The link for t, or empty when none; two keys the words do not choose between are still asked about. */
    static Optional<Membership> find(Catalog catalog, Catalog.Table t, Set<String> said) {
        try {
            return Optional.of(of(catalog, t, said));
        } catch (PhraseReadings ask) {
            throw ask;
        } catch (PilotException e) {
            return Optional.empty();
        }
    }

    static Membership of(Catalog catalog, Catalog.Table t) {
        return of(catalog, t, Set.of());
    }

    /**
     * The link for t's one key a membership table shares; @param said the request's words, which pick one key of
     * several by naming its table or the link ("project members" on a table with project_id and org_id). Two keys
     * the words do not choose between are asked about, never picked.
     */
    static Membership of(Catalog catalog, Catalog.Table t, Set<String> said) {
        List<Membership> found = new ArrayList<>();
        for (String col : t.columns().keySet()) {
            if (!col.endsWith("_id") || col.equals("id") || OwnerColumn.isOwnerName(col)) continue;
            // a link table named for membership wins over one that merely has both columns
            List<Catalog.Table> links = catalog.tables().values().stream()
                    .filter(x -> x.name().schema().equals("public") && x != t && x.columns().containsKey("user_id") && x.columns().containsKey(col))
                    .sorted(Comparator.comparing((Catalog.Table x) -> !x.name().name().contains("member"))).toList();
            if (!links.isEmpty()) found.add(new Membership(links.get(0), col));
        }
        if (found.size() > 1) {
            List<Membership> named = found.stream().filter(m -> named(said, m)).toList();
            if (named.size() == 1) return named.get(0);
            String table = t.name().name();
            List<PhraseReadings.Option> options = found.stream().map(m -> new PhraseReadings.Option("members listed in " + m.link().name().name()
                    + " by " + table + "." + m.key(), "", "", Quote.ident(m.key()) + " in (select m." + Quote.ident(m.key()))).toList();
            throw new PhraseReadings("members", "members of which? " + String.join(" and ", found.stream().map(m -> table + "." + m.key()).toList())
                    + " each link " + table + " to a membership table", options);
        }
        if (found.isEmpty()) throw RequestParser.refuse("no membership table links users to " + t.name().name(),
                "members policies need e.g. memberships(user_id, organization_id) and " + t.name().name() + ".organization_id");
        return found.get(0);
    }

    /** True when a word names the key's table ("project" for project_id) or every part of the link's name. */
    private static boolean named(Set<String> said, Membership m) {
        String parent = m.key().replaceAll("_id$", "");
        if (said.stream().anyMatch(w -> Inflect.variants(w).contains(parent) || Inflect.variants(parent).contains(w))) return true;
        for (String part : m.link().name().name().split("_")) {
            if (said.stream().noneMatch(w -> Inflect.variants(w).contains(part) || Inflect.variants(part).contains(w))) return false;
        }
        return true;
    }
}
