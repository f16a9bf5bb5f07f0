package dev.pgpilot.core.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a request into words (lower case), quoted values (as written), numbers and symbols. */
final class RequestLexer {
    enum Kind { WORD, QUOTED, NUMBER, SYMBOL }

    /** @param text lower-cased word, the unquoted value of a quoted token, or the symbol; raw is as written */
    record Tok(Kind kind, String text, String raw) {
        boolean is(String... words) {
            for (String w : words) if (text.equals(w)) return true;
            return false;
        }
        boolean word() { return kind == Kind.WORD; }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "'((?:[^']|'')*)'|\"([^\"]*)\"|`([^`]*)`"
            + "|([A-Za-z_][A-Za-z0-9_$]*(?:-[A-Za-z0-9_]+)*(?:\\.[A-Za-z_*][A-Za-z0-9_]*)?(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?(?:\\[\\])?)"
            // a minus sign starts a number only where no word or number ends right before it: "between -2 and 20", but "1-5" is a range
            + "|((?<![\\w)\\]])-?\\d+(?:\\.\\d+)?)|(->|>=|<=|<>|!=|\\S)");

    private static final Pattern POSSESSIVE = Pattern.compile("(?i)(\\w)'s\\b");
    /** Contractions whose stem changes ("can't" is "can not", never "ca not"), and "cannot" written as one word. */
    private static final Pattern IRREGULAR_NOT = Pattern.compile("(?i)\\b(?:(can)'t|(ca)nnot|(wo)n't|(sha)n't)\\b");
    private static final Pattern NOT = Pattern.compile("(?i)n't\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static List<Tok> lex(String text) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalized(text));
        while (m.find()) {
            if (m.group(1) != null) out.add(new Tok(Kind.QUOTED, m.group(1).replace("''", "'"), m.group()));
            else if (m.group(2) != null) out.add(new Tok(Kind.QUOTED, m.group(2), m.group()));
            else if (m.group(3) != null) out.add(new Tok(Kind.QUOTED, m.group(3), m.group()));
            else if (m.group(4) != null) out.add(new Tok(Kind.WORD, SPACES.matcher(m.group(4).toLowerCase(Locale.ROOT)).replaceAll(""), m.group()));
            else if (m.group(5) != null) out.add(new Tok(Kind.NUMBER, m.group(5), m.group()));
            else out.add(new Tok(Kind.SYMBOL, m.group(6), m.group()));
        }
        return out;
    }

    /**
     * The text with each word whose lower-cased form is a key replaced by its value; quoted values
     * and everything else stay as they are (possessives and contractions as {@link #lex} reads them).
     */
    static String replaceWords(String text, Map<String, String> words) {
        Matcher m = TOKEN.matcher(normalized(text));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String to = m.group(4) == null ? null : words.get(m.group(4).toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(to == null ? m.group() : to));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Possessives and contractions first, so "organization's" is one word and "can't" reads as "can not". */
    private static String normalized(String text) {
        return NOT.matcher(irregularNot(POSSESSIVE.matcher(text.replace('’', '\'')).replaceAll("$1"))).replaceAll(" not");
    }

    private static String irregularNot(String text) {
        return IRREGULAR_NOT.matcher(text).replaceAll(m -> {
            String stem = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) + "n" : m.group(3) != null ? "will" : "shall";
            return stem + " not";
        });
    }
}
