package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column named without its table ("make phone unique"): every public table that has a column by
 * that name (or its singular/plural) is a reading. One reading links; several ask, each reading
 * being the request with the word written as table.column, so choosing one plans exactly that.
 */
final class ColumnReadings {
    /** A word of the request and a column it can name. */
    record Candidate(Tok word, NameLinks.ColRef column) {
        String qualified() { return column.table().name().name() + "." + column.column().name(); }
    }

    private final Catalog catalog;

    ColumnReadings(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every (word, column) the scope's words can name in public tables; words that name a table are left to the table slot. */
    List<Candidate> candidates(List<Tok> scope) {
        List<Candidate> out = new ArrayList<>();
        for (Tok t : scope) {
            if (!t.word() || t.text().contains(".") || FILLER.contains(t.text()) || STOP.contains(t.text()) || catalog.findTable(t.text()).isPresent()) continue;
            for (Catalog.Table table : catalog.tables().values()) {
                if (!table.name().schema().equals("public")) continue;
                for (String v : Inflect.variants(t.text())) {
                    Catalog.Column c = table.columns().get(v);
                    if (c != null) { out.add(new Candidate(t, new NameLinks.ColRef(table, c))); break; }
                }
            }
        }
        return out;
    }

    /**
     * The one column the scope names when no table is named; an {@link AmbiguousRequest} when it
     * names the columns of several tables; null when it names none (or several words do).
     */
    NameLinks.ColRef link(Words w, List<Tok> scope) {
        List<Candidate> found = candidates(scope);
        if (found.isEmpty() || found.stream().map(Candidate::word).distinct().count() > 1) return null;
        if (found.size() == 1) return found.get(0).column();
        throw ask(w, found);
    }

    static AmbiguousRequest ask(Words w, List<Candidate> found) {
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        for (Candidate c : found) {
            String request = rewrite(w.source(), c.word(), c.qualified());
            readings.add(new AmbiguousRequest.Reading("the column " + c.qualified() + ": " + request, request));
        }
        return new AmbiguousRequest(w.source(), readings);
    }

    /** The request with one word written as table.column (its first whole-word occurrence). */
    static String rewrite(String source, Tok word, String qualified) {
        return rewrite(source, List.of(word), qualified);
    }

    /** The request with a run of words ("booking status") written as one name (their first whole-word occurrence). */
    static String rewrite(String source, List<Tok> words, String name) {
        String run = String.join("\\s+", words.stream().map(t -> Pattern.quote(t.raw())).toList());
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_.])" + run + "(?![A-Za-z0-9_.])").matcher(source);
        return m.find() ? source.substring(0, m.start()) + name + source.substring(m.end()) : name + ": " + source;
    }
}
