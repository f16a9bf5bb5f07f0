package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How an index on text columns compares them, as the words say: lower(column) for lookups that
 * ignore case; and which searches it serves, said in the plan, with a substring search that no
 * index this planner builds can serve refused rather than answered with one that cannot.
 */
final class TextKeys {
    private TextKeys() {}

    /**
     * "ilike '%x%'", "titles containing a word": neither a btree (= and prefix LIKE 'x%') nor a
     * full-text index (whole words) serves a substring search; a trigram index does, and it needs
     * the pg_trgm extension, which this planner does not install on its own: refused, saying so.
     */
    static void refuseSubstringSearch(Words w, Catalog.Table table, List<String> cols) {
        if (!w.any(SUBSTRING) && w.all().stream().noneMatch(t -> t.text().contains("%"))) return;
        String on = table.name().name() + "." + String.join(", ", cols);
        throw refuse("a substring search (ILIKE '%term%') on " + on + " is served by neither a btree index (= and LIKE 'term%') nor a full-text index (whole words):"
                        + " it takes a trigram index, which needs the pg_trgm extension",
                "write it by hand: pgpilot new --empty NAME, with \"create extension if not exists pg_trgm with schema extensions;\" and"
                        + " \"create index concurrently ... using gin (" + cols.get(0) + " extensions.gin_trgm_ops);\" in a migration of its own;"
                        + " or ask for \"index " + table.name().name() + " on " + cols.get(0) + "\" for = and prefix lookups");
    }

    /**
     * "speed up searching courses by title" builds a btree on title: the plan says which searches
     * that serves, so nobody expects it to serve ILIKE '%term%'.
     */
    static List<String> searchNotes(List<Tok> words, List<ChangeRequest> changes, Catalog catalog) {
        if (words.stream().noneMatch(t -> t.word() && t.is("search", "searches", "searching", "searchable"))) return List.of();
        List<String> out = new ArrayList<>();
        for (ChangeRequest c : changes) {
            if (!(c instanceof CreateIndex i) || i.gin()) continue;
            if (i.fullText()) {
                out.add("a full-text index on " + i.table().name() + "." + String.join(", ", i.columns()) + " serves word searches written as its expression"
                        + " (to_tsvector('english', coalesce(...)) @@ websearch_to_tsquery('english', ...)), not ILIKE '%term%'");
                continue;
            }
            for (String col : i.columns()) {
                String type = catalog.findTable(i.table().display()).flatMap(t -> t.column(col)).map(Catalog.Column::type).orElse("");
                if (!text(type)) continue;
                out.add("a btree index on " + i.table().name() + "." + col + " serves = and prefix searches (LIKE 'term%'), not ILIKE '%term%':"
                        + " that takes a trigram index (the pg_trgm extension), written by hand");
            }
        }
        return out;
    }

    private static final Set<String> SUBSTRING = Set.of("ilike", "substring", "substrings", "contains", "containing", "anywhere", "trigram", "trigrams",
            "fuzzy", "wildcard", "wildcards", "pg_trgm");

    /** "lower(email)", "case-insensitive lookups by email": the keys compared lower-cased, each a text column. */
    static List<String> lowered(Words w, List<Tok> head, Catalog.Table table, List<String> cols) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 3 < head.size(); i++) {
            if (head.get(i).is("lower") && head.get(i + 1).is("(") && head.get(i + 3).is(")") && cols.contains(head.get(i + 2).text())) out.add(head.get(i + 2).text());
        }
        if (w.has("case-insensitive") || w.phrase("case", "insensitive")) for (String c : cols) if (!out.contains(c)) out.add(c);
        for (String c : out) {
            String type = table.columns().get(c).type();
            if (!text(type)) {
                throw refuse("lower(" + c + ") needs a text column; " + table.name().name() + "." + c + " is " + type, "index the column itself");
            }
        }
        return out;
    }

    private static boolean text(String type) {
        return type.equals("text") || type.startsWith("character") || type.startsWith("varchar") || type.endsWith("citext");
    }
}
