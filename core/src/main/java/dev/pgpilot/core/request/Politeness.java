package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Set;

/**
 * The polite words around a request ("please", "plz", "could you ...", "... thanks") ask for
 * nothing: set aside before the frames read it, so "Please add ..." is read like "add ..." and a
 * frame's cue sees the verb first. Only words at the very start or end, never in the middle; a
 * comment's text keeps its end as written.
 */
final class Politeness {
    private static final Set<String> WORDS = Set.of("please", "pls", "plz", "kindly", "hey", "hi", "hello", "ok", "okay");
    private static final Set<String> ASKING = Set.of("can", "could", "would", "will");
    private static final Set<String> YOU = Set.of("you", "u");
    private static final Set<String> THANKS = Set.of("thanks", "thx", "ty", "please", "pls", "plz");

    private Politeness() {}

    /** @param prose true when the request's end may be quoted prose (a comment's text): only its start is stripped */
    static List<Tok> strip(List<Tok> toks, boolean prose) {
        int from = 0;
        while (true) {
            if (from < toks.size() && word(toks.get(from), WORDS)) from++;
            else if (from + 1 < toks.size() && word(toks.get(from), ASKING) && word(toks.get(from + 1), YOU)) from += 2;
            else if (from < toks.size() && toks.get(from).is(",") && from > 0) from++;
            else break;
        }
        int to = toks.size();
        while (!prose && to > from + 1 && (word(toks.get(to - 1), THANKS) || toks.get(to - 1).kind() == Kind.SYMBOL && toks.get(to - 1).is("?", "!", ",", "."))) to--;
        return from == 0 && to == toks.size() ? toks : toks.subList(from, to);
    }

    private static boolean word(Tok t, Set<String> words) {
        return t.kind() == Kind.WORD && words.contains(t.text());
    }
}
