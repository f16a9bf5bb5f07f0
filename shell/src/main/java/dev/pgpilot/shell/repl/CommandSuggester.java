package dev.pgpilot.shell.repl;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a line that does not start with a command is a typo of one ("stauts") or a
 * plain-English request ("add notes to events"). Rule: only a line whose first word stands alone
 * (the other words, if any, are options starting with '-') can be a typo, and only when the
 * nearest command is within 1 edit for words of up to 4 letters, 2 edits for longer words
 * (a swap of two neighbouring letters counts as one edit). Plain English has several words, so
 * "list all tables" stays a request even though "list" is one edit from "lint".
 */
public final class CommandSuggester {
    private final Collection<String> commands;

    public CommandSuggester(Collection<String> commands) {
        this.commands = List.copyOf(commands);
    }

    public Optional<String> suggest(List<String> words) {
        if (words.isEmpty() || words.get(0).length() < 3) {
            return Optional.empty();
        }
        for (int i = 1; i < words.size(); i++) {
            if (!words.get(i).startsWith("-")) {
                return Optional.empty();
            }
        }
        String word = words.get(0).toLowerCase(java.util.Locale.ROOT);
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : commands) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
