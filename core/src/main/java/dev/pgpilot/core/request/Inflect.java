package dev.pgpilot.core.request;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** English singular/plural guesses, enough to match "order" to orders and "category" to categories. */
final class Inflect {
    private Inflect() {}

    static List<String> variants(String w) {
        Set<String> out = new LinkedHashSet<>();
        out.add(w);
        out.add(plural(w));
        out.add(singular(w));
        return List.copyOf(out);
    }

    static String plural(String w) {
        if (w.endsWith("s")) return w;
        if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) return w.substring(0, w.length() - 1) + "ies";
        if (w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh")) return w + "es";
        return w + "s";
    }

    static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 3) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")) return w.substring(0, w.length() - 2);
        if (w.endsWith("ss")) return w;
        if (w.endsWith("s") && w.length() > 1) return w.substring(0, w.length() - 1);
        return w;
    }
}
