package dev.pgpilot.core.request;

import java.util.List;

/**
 * "users can read their own comments", "only admins can delete projects" and, as {@code storage},
 * "users can upload to their own folder in the avatars bucket": slots subject, commands, table
 * and condition, read by {@link PolicyPhrases}.
 */
record PolicyFrame(PolicyPhrases policies, boolean storage) implements Frame {
    @Override
    public boolean fits(Words w) {
        Words active = PolicyVerbs.passive(w) ? PolicyVerbs.active(w) : w;
        boolean can = active.has("can") || active.has("may") || active.phrase("able", "to") || active.has("allowed");
        return (!storage || w.has("bucket")) && can && policies.isPolicyRequest(active);
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        // "exercises are readable by everyone" is read as "everyone can read exercises": the same words
        return policies.parse(PolicyVerbs.passive(w) ? PolicyVerbs.active(w) : w);
    }
}
