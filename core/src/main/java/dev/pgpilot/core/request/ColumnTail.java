package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tail that says more about the column just described, with a pronoun for it: "..., it can be
 * null", "it's optional", "it must be set", "it should default to 0", "which defaults to now()",
 * "that starts at 0". Read as the column description's own words ("nullable", "not null",
 * "default ..."), so the column is added that way instead of being added and then changed (or
 * refused as already optional). Anything else after the pronoun ("it can't be negative", "and
 * index it") is not a tail: it stays a change of its own.
 */
final class ColumnTail {
    private static final Set<String> PRONOUNS = Set.of("it", "its", "which", "that");
    private static final Set<String> EMPTY = Set.of("null", "empty", "blank", "missing", "unset", "omitted");
    private static final Set<String> GIVEN = Set.of("set", "filled", "given", "provided", "present");
    private static final Set<String> MUST = Set.of("must", "should", "has", "needs", "will", "shall");

    private ColumnTail() {}

    /** The tail at {@code i}: how many tokens it takes and the column-description words it stands for. */
    record Match(int length, List<Tok> words) {}

    /** True when a tail starts at {@code i}. */
    static boolean startsAt(List<Tok> toks, int i) {
        return at(toks, i).isPresent();
    }

    /** The tokens with each tail replaced by the words it stands for. */
    static List<Tok> normalize(List<Tok> toks) {
        List<Tok> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Optional<Match> m = at(toks, i);
            if (m.isEmpty()) { out.add(toks.get(i)); continue; }
            out.addAll(m.get().words());
            i += m.get().length() - 1;
        }
        return out;
    }

    /** Which tokens a tail takes (the pronoun and its modal words; a default's value is not among them: the change carries it). */
    static boolean[] covered(List<Tok> toks) {
        boolean[] out = new boolean[toks.size()];
        for (int i = 0; i < toks.size(); i++) {
            Optional<Match> m = at(toks, i);
            if (m.isEmpty()) continue;
            for (int k = i; k < i + m.get().length(); k++) out[k] = true;
            i += m.get().length() - 1;
        }
        return out;
    }

    static Optional<Match> at(List<Tok> toks, int i) {
        if (!word(toks, i, PRONOUNS)) return Optional.empty();
        Tok pronoun = toks.get(i);
        int j = i + 1;
        // "it's optional" / "it is required" / "it's never null"
        if (pronoun.is("its") || word(toks, j, Set.of("is"))) {
            int k = pronoun.is("its") ? j : j + 1;
            k = skip(toks, k, "also", "always");
            if (word(toks, k, Set.of("optional", "nullable"))) return match(i, k + 1, nullable(toks.get(k)));
            if (word(toks, k, Set.of("not")) && word(toks, k + 1, Set.of("required", "mandatory"))) return match(i, k + 2, nullable(toks.get(k)));
            if (word(toks, k, Set.of("required", "mandatory"))) return match(i, k + 1, required(toks.get(k)));
            if (word(toks, k, Set.of("never")) && word(toks, k + 1, EMPTY)) return match(i, k + 2, required(toks.get(k)));
            if (pronoun.is("its") && word(toks, k, Set.of("default"))) return match(i, k + 1, List.of(toks.get(k))); // "its default is 0"
            return Optional.empty();
        }
        // "it can be null", "which may be left empty"
        if (word(toks, j, Set.of("can", "may", "could")) && !word(toks, j + 1, Set.of("not"))) {
            int k = skip(toks, j + 1, "also");
            if (!word(toks, k, Set.of("be"))) return Optional.empty();
            k = skip(toks, k + 1, "left");
            return word(toks, k, EMPTY) ? match(i, k + 1, nullable(toks.get(k))) : Optional.empty();
        }
        // "it must be set", "it should always be filled in", "it can't be null", "it must not be empty"
        if (word(toks, j, MUST) || word(toks, j, Set.of("can", "may")) && word(toks, j + 1, Set.of("not"))) {
            int k = skip(toks, j + 1, "to", "always");
            boolean not = word(toks, k, Set.of("not"));
            if (not) k++;
            if (word(toks, k, Set.of("default", "defaults"))) return not ? Optional.empty() : match(i, k + 1, List.of(asWord(toks.get(k), "default")));
            if (!word(toks, k, Set.of("be"))) return Optional.empty();
            k++;
            if (not && word(toks, k, EMPTY)) return match(i, k + 1, required(toks.get(k)));
            if (!not && word(toks, k, GIVEN)) return match(i, skip(toks, k + 1, "in"), required(toks.get(k)));
            return Optional.empty();
        }
        // "which defaults to now()", "that starts at 0"
        if (word(toks, j, Set.of("defaults", "default"))) return match(i, j + 1, List.of(asWord(toks.get(j), "default")));
        if (word(toks, j, Set.of("starts", "start")) && word(toks, j + 1, Set.of("at", "from"))) return match(i, j + 2, List.of(asWord(toks.get(j), "default")));
        return Optional.empty();
    }

    private static Optional<Match> match(int from, int to, List<Tok> words) {
        return Optional.of(new Match(to - from, words));
    }

    private static List<Tok> nullable(Tok at) {
        return List.of(asWord(at, "nullable"));
    }

    private static List<Tok> required(Tok at) {
        return List.of(asWord(at, "not"), asWord(at, "null"));
    }

    /** A description word standing for the user's phrase; its raw text stays the user's word, for messages. */
    private static Tok asWord(Tok at, String word) {
        return new Tok(Kind.WORD, word, at.raw());
    }

    private static int skip(List<Tok> toks, int k, String... words) {
        while (word(toks, k, Set.of(words))) k++;
        return k;
    }

    private static boolean word(List<Tok> toks, int i, Set<String> words) {
        return i < toks.size() && toks.get(i).kind() == Kind.WORD && words.contains(toks.get(i).text());
    }
}
