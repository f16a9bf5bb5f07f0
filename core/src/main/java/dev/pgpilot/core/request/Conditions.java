package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;

/** The condition slot of index and policy frames: "status is 'paid'", "deleted_at is null", "published", "amount > 100". */
final class Conditions {
    private final NameLinks links;

    Conditions(NameLinks links) {
        this.links = links;
    }

    /** The condition as SQL built from the table's own column names and escaped literals only. */
    String predicate(Catalog.Table table, List<Tok> toks) {
        List<String> parts = new ArrayList<>();
        for (List<Tok> clause : splitAnd(toks)) {
            // "not archived" names the boolean is_archived
            Tok colTok = clause.stream().filter(t -> t.word() && (table.columns().containsKey(t.text()) || flag(table, t.text()))).findFirst()
                    .orElseThrow(() -> refuse("condition names no column of " + table.name().display() + ": " + Words.raw(clause), Suggest.hint(
                            clause.stream().filter(Tok::word).map(Tok::text).findFirst().orElse(""), table.columns().keySet(), "columns")));
            Catalog.Column col = table.columns().getOrDefault(colTok.text(), table.columns().get("is_" + colTok.text()));
            String c = Quote.ident(col.name());
            List<Tok> rest = clause.subList(clause.indexOf(colTok) + 1, clause.size());
            boolean not = clause.stream().anyMatch(t -> t.is("not", "!=", "<>")); // "not archived" as well as "archived is not true"
            if (rest.stream().anyMatch(t -> t.is("null"))) { parts.add(c + (not ? " is not null" : " is null")); continue; }
            if (rest.stream().anyMatch(t -> t.is("set", "present", "known", "filled"))) { parts.add(c + " is not null"); continue; }
            Tok val = rest.stream().filter(t -> t.kind() == Kind.QUOTED || t.kind() == Kind.NUMBER || t.is("true", "false")).reduce((a, b) -> b).orElse(null);
            if (val == null) {
                if (col.type().equals("boolean")) { parts.add(c + (not ? " = false" : " = true")); continue; }
                Tok bare = rest.stream().filter(t -> t.word() && !t.is("is", "are", "equals", "=", "not", "only", "the", "equal", "to")).reduce((a, b) -> b).orElse(null);
                if (bare == null) throw refuse("condition on " + col.name() + " has no value", "e.g. where status is 'paid'");
                val = new Tok(Kind.QUOTED, bare.text(), bare.raw());
            }
            String op = not ? " <> " : rest.stream().anyMatch(t -> t.is(">", "greater", "above", "over", "more")) ? " > "
                    : rest.stream().anyMatch(t -> t.is("<", "less", "below", "under")) ? " < " : rest.stream().anyMatch(t -> t.is(">=")) ? " >= "
                    : rest.stream().anyMatch(t -> t.is("<=")) ? " <= " : " = ";
            String v = val.kind() == Kind.NUMBER ? val.text() : val.is("true", "false") && val.kind() == Kind.WORD ? val.text() : Quote.literal(val.text());
            if (val.kind() == Kind.QUOTED) links.checkEnumValue(col, val);
            parts.add(c + op + v);
        }
        if (parts.isEmpty()) throw refuse("empty condition", "e.g. where status is 'paid'");
        return String.join(" and ", parts);
    }

    private static boolean flag(Catalog.Table table, String word) {
        return table.column("is_" + word).map(c -> c.type().equals("boolean")).orElse(false);
    }

    private static List<List<Tok>> splitAnd(List<Tok> toks) {
        List<List<Tok>> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (Tok t : toks) {
            if (t.is("and", ",")) { if (!cur.isEmpty()) out.add(cur); cur = new ArrayList<>(); } else cur.add(t);
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }
}
