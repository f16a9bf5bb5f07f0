package dev.pgpilot.core.api;

import dev.pgpilot.core.request.Suggest;
import java.util.Locale;
import java.util.Set;

/** Near misses of names a person types (environments: "prdo", "stagin"), so a typo is refused instead of silently meaning the default. */
public final class Names {
    private Names() {}

    /** The name within one edit (two for names of 4+ letters) of {@code word}, ignoring case; null for none, or for an exact match. */
    public static String closest(String word, Set<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            if (n.equals(word)) {
                return null;
            }
            int d = Suggest.distance(word.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
            if (d <= (n.length() >= 4 ? 2 : 1) && d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best;
    }
}
