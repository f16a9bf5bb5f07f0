package dev.pgpilot.core.request;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tables whose rows grant rights: admins, members, memberships, roles, and any table a policy
 * reads to decide who may do what. A user who can insert or update their own row in one of
 * them grants themselves the rights it stands for, so nobody gets self-insert or self-update
 * policies there; rows come from the service role, or from admins.
 */
public final class RightsTables {
    private static final Pattern NAME = Pattern.compile(
            "(^|_)(admins?|administrators?|moderators?|members?|memberships?|roles?|permissions?|grants?|acls?|staff)($|_)");
    private static final Pattern ADMIN = Pattern.compile("(^|_)(admins?|administrators?)($|_)");

    private RightsTables() {}

    /** True for a name that says the table grants rights (admins, project_members, user_roles...). */
    public static boolean byName(String table) {
        return NAME.matcher(table).find();
    }

    /** The reason the table grants rights, or empty: its name, or a policy of another table that reads it. */
    static Optional<String> why(Catalog catalog, Catalog.Table t) {
        if (byName(t.name().name())) return Optional.of("its name says it grants rights");
        // the table itself, or a check function of checkFunction's that reads it (has_profiles_role_admin())
        Pattern use = Pattern.compile("(^|[^a-z0-9_.])(" + Pattern.quote(t.name().schema()) + "\\.)?(" + Pattern.quote(t.name().name()) + "($|[^a-z0-9_])|"
                + CHECK_PREFIX + Pattern.quote(t.name().name()) + "_[a-z0-9_]*\\()");
        for (Catalog.Table other : catalog.tables().values()) {
            for (Catalog.Policy p : other.policies()) {
                String expr = (p.using() == null ? "" : p.using()) + " " + (p.withCheck() == null ? "" : p.withCheck());
                if (other != t && use.matcher(expr.replace("\"", "")).find()) {
                    return Optional.of("policy " + p.name() + " on " + other.name().display() + " reads it to grant rights");
                }
            }
        }
        return Optional.empty();
    }

    /** The first word of every {@link RightsColumn} check function's name, which goes on with the table it reads. */
    static final String CHECK_PREFIX = "has_";

    /** The public table listing admins: named like admins, with a user_id column. */
    static Optional<Catalog.Table> admins(Catalog catalog) {
        return catalog.tables().values().stream()
                .filter(x -> x.name().schema().equals("public") && ADMIN.matcher(x.name().name()).find() && x.columns().containsKey("user_id"))
                .findFirst();
    }
}
