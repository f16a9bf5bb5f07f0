package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A request's tokens with the small look-ups frames use to find their cues and slots; quoted text never counts as a cue. */
final class Words {
    private final List<Tok> toks;
    private final String source;

    Words(List<Tok> toks, String source) {
        this.toks = toks;
        this.source = source;
    }

    /** The request as written (one line). */
    String source() { return source; }

    String text() { return raw(toks); }
    List<Tok> all() { return toks; }
    int size() { return toks.size(); }
    Tok tok(int i) { return toks.get(i); }
    Tok first() { return toks.isEmpty() ? new Tok(Kind.SYMBOL, "", "") : toks.get(0); }
    /** Tokens from..to, clamped; empty when the two are crossed (the words came in another order than the caller expected). */
    List<Tok> sub(int from, int to) {
        int a = Math.max(0, Math.min(from, toks.size()));
        int b = Math.max(0, Math.min(to, toks.size()));
        return a <= b ? toks.subList(a, b) : List.of();
    }
    boolean has(String word) { return toks.stream().anyMatch(t -> t.text().equals(word) && t.kind() != Kind.QUOTED); }
    boolean any(Set<String> words) { return toks.stream().anyMatch(t -> t.kind() != Kind.QUOTED && words.contains(t.text())); }
    /** A drop word that asks to drop something: the "delete" of "on delete cascade" says what a foreign key does. */
    boolean asksToDrop() {
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.kind() != Kind.QUOTED && Vocabulary.DROP.contains(t.text()) && !(t.is("delete") && i > 0 && toks.get(i - 1).is("on"))) return true;
        }
        return false;
    }
    boolean hasType() { return toks.stream().anyMatch(t -> t.word() && TypeWords.isTypeWord(t.text())); }
    Optional<Tok> dotted() { return toks.stream().filter(t -> t.word() && t.text().contains(".")).findFirst(); }

    boolean phrase(String... words) {
        outer:
        for (int i = 0; i + words.length <= toks.size(); i++) {
            for (int j = 0; j < words.length; j++) if (!toks.get(i + j).text().equals(words[j]) || toks.get(i + j).kind() == Kind.QUOTED) continue outer;
            return true;
        }
        return false;
    }

    int indexOfAny(Set<String> words) {
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).kind() != Kind.QUOTED && words.contains(toks.get(i).text())) return i;
        return -1;
    }

    int lastIndexOf(String word) {
        for (int i = toks.size() - 1; i >= 0; i--) if (toks.get(i).kind() != Kind.QUOTED && toks.get(i).text().equals(word)) return i;
        return -1;
    }

    int indexOf(Tok t, int from) {
        for (int i = from; i < toks.size(); i++) if (toks.get(i) == t) return i;
        return -1;
    }

    Optional<String> lastWordAfter(String word) {
        int i = lastIndexOf(word);
        return i < 0 || i + 1 >= toks.size() ? Optional.empty() : Optional.of(toks.get(i + 1).text());
    }

    List<Tok> wordsBetween(int from, int to) {
        return sub(from, to).stream().filter(Tok::word).toList();
    }

    List<Catalog.Table> tables(Catalog c) {
        return toks.stream().filter(Tok::word).map(t -> c.findTable(t.text())).flatMap(Optional::stream).toList();
    }

    static String raw(List<Tok> toks) {
        return String.join(" ", toks.stream().map(Tok::raw).toList());
    }
}
