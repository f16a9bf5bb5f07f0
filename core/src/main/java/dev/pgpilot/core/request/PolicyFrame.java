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
        boolean can = w.has("can") || w.has("may") || w.phrase("able", "to") || w.has("allowed");
        return (!storage || w.has("bucket")) && can && policies.isPolicyRequest(w);
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        return policies.parse(w);
    }
}
