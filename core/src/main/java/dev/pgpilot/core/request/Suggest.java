package dev.pgpilot.core.request;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean ..." by edit distance (the Slack bot uses it for mistyped environment names too). */
public final class Suggest {
    private Suggest() {}

    static List<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 2);
        return candidates.stream()
                .filter(c -> distance(word, c) <= limit || c.startsWith(word) || word.startsWith(c))
                .sorted(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c))
                .limit(3).toList();
    }

    static String hint(String word, Collection<String> candidates, String what) {
        List<String> c = closest(word, candidates);
        if (!c.isEmpty()) return "did you mean " + String.join(", ", c) + "?";
        if (candidates.isEmpty()) return "there are no " + what + " yet";
        return "known " + what + ": " + String.join(", ", candidates.stream().sorted().limit(12).toList());
    }

    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
