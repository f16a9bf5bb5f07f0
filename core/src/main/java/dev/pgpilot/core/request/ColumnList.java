package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.indexName;
import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The column-list slot of the add-column and create-table frames: "a text, b int and c date", each read by {@link ColumnPhrase}. */
final class ColumnList {
    private final ColumnPhrase phrase;

    ColumnList(Catalog catalog) {
        this.phrase = new ColumnPhrase(catalog);
    }

    /**
     * Words that open a part saying more about the column before it, never a column of its own:
     * "a boolean archived, default false, not null" is one column, and so is "budget numeric, it can be null".
     */
    private static final Set<String> MORE_ABOUT_THE_LAST = Set.of("default", "defaulting", "defaults", "not", "nullable", "null", "optional",
            "required", "mandatory", "non-null", "non-nullable", "unique", "references", "referencing", "it", "its", "which", "can", "may", "no", "without");

    /**
     * Splits "a text, b int and c date" into column descriptions; "between 1 and 5" stays whole,
     * and a part that only says more about the column before it ({@link #MORE_ABOUT_THE_LAST}) joins that column.
     */
    static List<List<Tok>> split(List<Tok> toks) {
        List<List<Tok>> parts = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            boolean sep = sep(toks, i);
            if (sep && !cur.isEmpty()) {
                // ", and it can be null": past every separator, a part that says more about this column joins it
                int j = i;
                while (j < toks.size() && sep(toks, j)) j++;
                if (j < toks.size() && (moreAboutTheLast(toks.get(j)) || withModifier(toks, j) || toks.get(i).is(",", ";") && onlyAType(toks, j))) { i = j - 1; continue; }
            }
            if (sep) { if (!cur.isEmpty()) parts.add(cur); cur = new ArrayList<>(); continue; }
            cur.add(t);
        }
        if (!cur.isEmpty()) parts.add(cur);
        return sharedType(parts);
    }

    /**
     * "phone and emergency_contact text columns": names alone, then the last with a type and the plural
     * "columns": each name takes the last part's description (its type and modifiers).
     */
    private static List<List<Tok>> sharedType(List<List<Tok>> parts) {
        if (parts.size() < 2) return parts;
        List<Tok> last = parts.get(parts.size() - 1);
        if (last.size() < 3 || !last.get(last.size() - 1).is("columns", "fields") || last.get(last.size() - 1).kind() != Kind.WORD) return parts;
        List<List<Tok>> names = parts.subList(0, parts.size() - 1);
        if (names.stream().anyMatch(p -> p.size() != 1 || !p.get(0).word())) return parts;
        List<Tok> description = last.subList(1, last.size() - 1);
        List<List<Tok>> out = new ArrayList<>();
        for (List<Tok> p : parts) {
            List<Tok> part = new ArrayList<>(p.subList(0, 1));
            part.addAll(description);
            out.add(part);
        }
        return out;
    }

    /** "a weight column, numeric(4,2), default 1": a part that is a type word alone (then its modifiers) is the type of the column before it. */
    /** ", with no default", ", with a default of 0": "with" opening more about the column before. */
    private static boolean withModifier(List<Tok> toks, int j) {
        if (!toks.get(j).is("with") || j + 1 >= toks.size()) return false;
        int k = j + 1 < toks.size() && toks.get(j + 1).is("a") ? j + 2 : j + 1;
        return k < toks.size() && (moreAboutTheLast(toks.get(k)) || toks.get(k).is("default"));
    }

    private static boolean sep(List<Tok> toks, int i) {
        Tok t = toks.get(i);
        return t.is(",", ";") || (t.is("and") && !(i > 0 && toks.get(i - 1).kind() == Kind.NUMBER));
    }

    private static boolean onlyAType(List<Tok> toks, int i) {
        if (!toks.get(i).word() || !TypeWords.isTypeWord(toks.get(i).text())) return false;
        return i + 1 >= toks.size() || toks.get(i + 1).is(",", ";") || moreAboutTheLast(toks.get(i + 1));
    }

    private static boolean moreAboutTheLast(Tok t) {
        return t.word() && MORE_ABOUT_THE_LAST.contains(t.text());
    }

    /** "a phone_verified boolean defaulting to false", "amount numeric(12,2) not null", "customer_id referencing customers". */
    ColumnDef column(List<Tok> part) {
        return column(part, false);
    }

    /** The same, for a part of a list; see {@link #parsed(List, boolean)}. */
    ColumnDef column(List<Tok> part, boolean namesThenTypes) {
        ColumnPhrase.Parsed p = parsed(part, namesThenTypes);
        if (p.primaryKey()) throw refuse("\"primary key\" is only understood for the id of a new table", "e.g. \"create table profiles with id uuid primary key references auth.users\"");
        return p.column();
    }

    /** The column and whether the description made it the primary key (a new table's columns may). */
    ColumnPhrase.Parsed parsed(List<Tok> part) {
        return phrase.parse(part);
    }

    /**
     * The same, for a part of a list written "name type" ({@link #namesThenTypes}): there "starts
     * time" is the column starts of type time, as "weekday smallint" beside it is weekday of type
     * smallint, so the name-or-type question ({@link ColumnNameReadings}) is answered by the list.
     */
    ColumnPhrase.Parsed parsed(List<Tok> part, boolean namesThenTypes) {
        try {
            return phrase.parse(part);
        } catch (ColumnNameReadings r) {
            if (!namesThenTypes) throw r;
            for (int i = 1; i < part.size(); i++) {
                if (!part.get(i).word() || !part.get(i).text().equals(r.typeWord())) continue;
                List<Tok> typed = new ArrayList<>(part.subList(0, i));
                typed.add(new Tok(Kind.WORD, "type", part.get(i).raw()));
                typed.addAll(part.subList(i, part.size()));
                return phrase.parse(typed);
            }
            throw r;
        }
    }

    /** True when a list of two or more columns writes at least one as a bare name then a type word ("weekday smallint"). */
    static boolean namesThenTypes(List<List<Tok>> parts) {
        if (parts.size() < 2) return false;
        return parts.stream().anyMatch(p -> p.size() >= 2 && p.get(0).word() && !p.get(0).is("a", "an", "the") && !TypeWords.isTypeWord(p.get(0).text())
                && p.get(1).word() && TypeWords.isTypeWord(p.get(1).text()) && !p.get(1).is("date", "time", "number"));
    }

    /** The index that goes with a new foreign key column, so joins and cascades do not scan. */
    static CreateIndex foreignKeyIndex(QualifiedName table, String column) {
        return new CreateIndex(table, indexName("idx", table.name(), List.of(column)), List.of(column), false, null, false);
    }
}
