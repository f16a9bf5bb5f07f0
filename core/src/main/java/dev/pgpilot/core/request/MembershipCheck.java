package dev.pgpilot.core.request;

import dev.pgpilot.core.catalog.LiveCatalog.DefinerCheck;
import dev.pgpilot.core.request.ChangeRequest.CreateMembershipCheck;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SECURITY DEFINER function asking "is the signed-in user in this membership table for this key?":
 * one the database already has that means exactly that (the schema's own is_member(org)), or a new
 * {@link CreateMembershipCheck} named has_, the table and the key, reused by that name afterwards.
 */
final class MembershipCheck {
    /** @param create the function to create, or null when the database has it; @param function its name, for the plan */
    record Check(CreateMembershipCheck create, String function) {
        /** How a policy asks it about a row: per row, since the key is the row's. */
        String call(String arg) {
            return function + "(" + arg + ")";
        }
    }

    private final Catalog catalog;

    MembershipCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    Check of(Catalog.Table link, String key) {
        String type = link.column(key).map(Catalog.Column::type).orElseThrow();
        Optional<DefinerCheck> same = catalog.definerChecks().stream().filter(d -> d.argType().equals(type) && means(d, link, key)).findFirst();
        if (same.isPresent()) return new Check(null, new QualifiedName(same.get().schema(), same.get().name()).sql());
        QualifiedName name = new QualifiedName("public", RequestParser.trim63(RightsTables.CHECK_PREFIX + link.name().name() + "_" + key));
        CreateMembershipCheck create = catalog.hasFunction(name.display()) ? null : new CreateMembershipCheck(name, link.name(), key, type);
        return new Check(create, name.sql());
    }

    /**
     * True when the function's body is "select exists (select 1 from LINK [alias] where [alias.]KEY = ARG and
     * [alias.]user_id = (select auth.uid()))" (either order, auth.uid() bare or in a subselect) and its search_path
     * is empty: a function that only looks like it (another table, another column, a search_path someone could
     * slip a table into) is not reused.
     */
    static boolean means(DefinerCheck d, Catalog.Table link, String key) {
        if (!d.emptySearchPath()) return false;
        String body = d.body().toLowerCase(Locale.ROOT).replace("\"", "").replaceAll("\\s+", " ").replaceAll("\\s*;\\s*$", "").strip();
        String table = "(" + Pattern.quote(link.name().schema()) + "\\.)?" + Pattern.quote(link.name().name());
        String alias = "(?: (?:as )?([a-z_][a-z0-9_]*))?";
        String col = "(?:[a-z_][a-z0-9_]*\\.)?";
        String arg = d.argName() == null ? "\\$1" : "(?:\\$1|" + Pattern.quote(d.argName().toLowerCase(Locale.ROOT)) + ")";
        String keyIs = col + Pattern.quote(key) + " ?= ?" + arg;
        String uid = "(?:\\( ?select auth\\.uid\\(\\) ?\\)|auth\\.uid\\(\\))";
        String userIs = col + "user_id ?= ?" + uid;
        String where = "(?:" + keyIs + " and " + userIs + "|" + userIs + " and " + keyIs + ")";
        return Pattern.matches("select exists ?\\( ?select 1 from " + table + alias + " where " + where + " ?\\)", body);
    }
}
