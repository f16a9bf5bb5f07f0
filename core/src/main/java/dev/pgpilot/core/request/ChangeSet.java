package dev.pgpilot.core.request;

import java.util.List;

/**
 * Everything one request asks for; becomes one migration.
 *
 * @param alreadyThere what the request asked for that the database already has, so the migration leaves it out
 */
public record ChangeSet(String requestText, List<ChangeRequest> changes, List<String> alreadyThere) {
    public ChangeSet(String requestText, List<ChangeRequest> changes) {
        this(requestText, changes, List.of());
    }

    public ChangeSet {
        changes = List.copyOf(changes);
        alreadyThere = List.copyOf(alreadyThere);
        if (changes.isEmpty()) throw new IllegalArgumentException("a change set needs at least one change");
    }

    /** snake_case migration name from the changes, at most 80 characters. */
    public String name() {
        String n = changes.get(0).describe();
        if (changes.size() > 1 && !(changes.get(0) instanceof ChangeRequest.CreateTable)) {
            n = n + "_and_more";
        }
        n = n.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return n.length() > 80 ? n.substring(0, 80).replaceAll("_+$", "") : n;
    }
}
