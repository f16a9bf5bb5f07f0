package dev.pgpilot.core.request;

import java.util.List;
import java.util.Optional;

/**
 * The column that says which signed-in user owns a row. Only a column whose name says "owner"
 * qualifies: a table may hold other users too (an assignee, a reviewer), and "their own" policies
 * on one of those would hand a row to whoever it is assigned to.
 */
public final class OwnerColumn {
    /** Names that mean "the user this row belongs to", most specific first. */
    public static final List<String> NAMES = List.of("user_id", "owner_id", "created_by", "author_id", "creator_id");

    private OwnerColumn() {}

    public static boolean isOwnerName(String column) {
        return NAMES.contains(column);
    }

    /**
     * An owner-named column with a foreign key to auth.users, or {@code id} itself referencing
     * auth.users (a profiles table); else an owner-named uuid column without the foreign key.
     */
    public static Optional<String> of(Catalog.Table t) {
        List<String> toUsers = usersColumns(t);
        for (String n : NAMES) if (toUsers.contains(n)) return Optional.of(n);
        if (toUsers.contains("id")) return Optional.of("id");
        for (String n : NAMES) if (t.column(n).map(c -> c.type().equals("uuid")).orElse(false)) return Optional.of(n);
        return Optional.empty();
    }

    /**
     * Every owner-named column with a foreign key to auth.users: more than one (user_id and created_by) and
     * "their own" could mean either, which only the request's author knows.
     */
    static List<String> candidates(Catalog.Table t) {
        List<String> toUsers = usersColumns(t);
        return NAMES.stream().filter(toUsers::contains).toList();
    }

    private static List<String> usersColumns(Catalog.Table t) {
        return t.constraints().stream()
                .filter(c -> c.type().equals("f") && c.references() != null && c.references().display().equals("auth.users") && c.columns().size() == 1)
                .map(c -> c.columns().get(0)).toList();
    }

    /** The owner among the columns of a table being created: an owner-named column referencing auth.users. */
    public static Optional<String> among(List<ColumnDef> columns) {
        for (String n : NAMES) {
            for (ColumnDef c : columns) {
                if (c.name().equals(n) && c.references() != null && c.references().table().display().equals("auth.users")) return Optional.of(n);
            }
        }
        return columns.stream().filter(c -> c.name().equals("id") && c.references() != null && c.references().table().display().equals("auth.users"))
                .map(ColumnDef::name).findFirst();
    }

    /**
     * Columns holding a user's id: keys to auth.users, and keys to a table whose id is itself a user's
     * (profiles.id references auth.users), whose values are then user ids too.
     */
    static List<String> userKeys(Catalog catalog, Catalog.Table t) {
        return t.constraints().stream().filter(c -> c.type().equals("f") && c.columns().size() == 1 && c.references() != null
                && (c.references().display().equals("auth.users") || c.definition().matches("(?s).*REFERENCES\\s+\\S+?\\(\"?id\"?\\).*")
                        && catalog.findTable(c.references().display()).filter(p -> p != t).flatMap(OwnerColumn::of).filter("id"::equals).isPresent()))
                .map(c -> c.columns().get(0)).toList();
    }

    /** Columns referencing auth.users that are not owners (an assignee, a reviewer), for a refusal that names them. */
    static List<String> otherUserColumns(Catalog.Table t) {
        return usersColumns(t).stream().filter(c -> !isOwnerName(c) && !c.equals("id")).toList();
    }
}
