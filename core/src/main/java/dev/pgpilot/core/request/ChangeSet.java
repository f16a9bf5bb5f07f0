package dev.pgpilot.core.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one request asks for; becomes one migration.
 *
 * @param alreadyThere what the request asked for that the database already has, so the migration leaves it out
 * @param readAs how words of the request were read that the changes do not show: a misspelt word read as
 *               another ("read \"colum\" as \"column\""), a reason set aside; the plan says each so the user sees it
 */
public record ChangeSet(String requestText, List<ChangeRequest> changes, List<String> alreadyThere, List<String> readAs) {
    public ChangeSet(String requestText, List<ChangeRequest> changes) {
        this(requestText, changes, List.of());
    }

    public ChangeSet(String requestText, List<ChangeRequest> changes, List<String> alreadyThere) {
        this(requestText, changes, alreadyThere, List.of());
    }

    public ChangeSet {
        changes = List.copyOf(changes);
        alreadyThere = List.copyOf(alreadyThere);
        readAs = List.copyOf(readAs);
        if (changes.isEmpty()) throw new IllegalArgumentException("a change set needs at least one change");
    }

    /** The same changes for {@code request} as written, with more notes on how it was read. */
    ChangeSet readFrom(String request, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(readAs);
        return new ChangeSet(request, changes, alreadyThere, all);
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
