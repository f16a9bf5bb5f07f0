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
        w = policies.bucketTopic(w);
        Words active = PolicyVerbs.withModal(PolicyVerbs.passive(w) ? PolicyVerbs.active(w) : w);
        boolean can = active.has("can") || active.has("may") || active.phrase("able", "to") || active.has("allowed");
        return (!storage || w.has("bucket")) && can && !saysWhatAValueMayBe(active) && policies.isPolicyRequest(active);
    }

    /**
     * "titles can be empty", "is allowed to be null", "may be left blank", "notes.priority can also be
     * blocked", "views can't be negative": what a value may (not) be, not who may do what. A passive grant ("can be read by anyone")
     * was turned active before this is asked, so a modal still followed by "be" names a state.
     */
    private static boolean saysWhatAValueMayBe(Words w) {
        for (String state : new String[] {"null", "empty", "blank", "left", "missing"}) if (w.phrase("be", state)) return true;
        List<RequestLexer.Tok> all = w.all();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (!all.get(i).is("can", "could", "may", "might")) continue;
            // "can also be blocked", "can't be negative" (lexed "can not be"), "may never be empty"
            int j = i + 1;
            while (j < all.size() && all.get(j).is("also", "not", "never")) j++;
            if (j + 1 < all.size() && all.get(j).is("be") && !all.get(j + 1).is("able", "allowed", "permitted")) return true;
        }
        return false;
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        // "exercises are readable by everyone" is read as "everyone can read exercises": the same words
        // "users manage their own notes" as "users can manage their own notes"
        Words said = policies.bucketTopic(w);
        return policies.parse(PolicyVerbs.withModal(PolicyVerbs.passive(said) ? PolicyVerbs.active(said) : said));
    }
}
