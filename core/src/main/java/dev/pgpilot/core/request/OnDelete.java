package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;

/**
 * What a foreign key does when the row it points to is deleted, as people say it: "on delete set
 * null", "set null if the room is deleted", "set listings.category_id to null when a category is
 * deleted", "should cascade when the user is deleted", "cascade deletes", "restrict". Empty when
 * the request says nothing about it.
 */
final class OnDelete {
    private OnDelete() {}

    static Optional<String> of(List<Tok> toks) {
        for (int i = 0; i + 2 < toks.size(); i++) {
            if (word(toks, i, "on") && word(toks, i + 1, "delete")) {
                if (word(toks, i + 2, "cascade")) return Optional.of("cascade");
                if (word(toks, i + 2, "restrict")) return Optional.of("restrict");
                if (word(toks, i + 2, "set") && word(toks, i + 3, "null")) return Optional.of("set null");
                if (word(toks, i + 2, "no") && word(toks, i + 3, "action")) return Optional.of("no action");
            }
        }
        boolean deleted = toks.stream().anyMatch(t -> t.kind() == Kind.WORD && t.is("deleted", "removed", "delete", "deletes", "deletion", "goes", "disappears"));
        boolean setNull = false;
        for (int i = 0; i < toks.size(); i++) {
            // "set null", "set to null", "set listings.category_id to null", "be set to null"
            if (word(toks, i, "set") && (word(toks, i + 1, "null") || word(toks, i + 2, "null") || word(toks, i + 1, "to") && word(toks, i + 2, "null")
                    || word(toks, i + 2, "to") && word(toks, i + 3, "null"))) setNull = true;
            if (word(toks, i, "nullify", "nulled")) setNull = true;
        }
        if (setNull && deleted) return Optional.of("set null");
        boolean cascade = toks.stream().anyMatch(t -> t.kind() == Kind.WORD && t.is("cascade", "cascades", "cascading", "cascaded"));
        if (cascade && (deleted || toks.stream().noneMatch(t -> t.is("not", "no")))) return Optional.of("cascade");
        if (toks.stream().anyMatch(t -> t.kind() == Kind.WORD && t.is("restrict", "restricted"))) return Optional.of("restrict");
        return Optional.empty();
    }

    private static boolean word(List<Tok> toks, int i, String... words) {
        return i >= 0 && i < toks.size() && toks.get(i).kind() == Kind.WORD && toks.get(i).is(words);
    }
}
