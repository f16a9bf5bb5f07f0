package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which rows of a table a policy request names, besides whose they are: "where status is 'open'",
 * "published posts", "draft listings", "posts that are not archived", "the announcements of
 * published courses". A row filter built from the table's own columns and escaped values only.
 */
final class PolicyRows {
    private static final Set<String> CONDITION = Set.of("where", "when", "that", "which", "if", "whose");
    private final Catalog catalog;
    private final Conditions conditions;

    PolicyRows(Catalog catalog, Conditions conditions) {
        this.catalog = catalog;
        this.conditions = conditions;
    }

    /**
     * Which rows: @param filter a SQL row filter, or null for every row; @param everyRow the words
     * that said every row is meant whatever a column holds ("drafts included", "published or not"), or null
     */
    record Rows(String filter, String everyRow) {}

    /**
     * "... where status is 'open'", "published posts", "draft listings", "posts that are not archived"
     * → a row filter; "drafts included", "published or not" say every row, so no filter.
     */
    Rows condition(Catalog.Table t, List<Tok> what) {
        for (int i = 0; i < what.size(); i++) {
            if (isCondition(what.get(i))) return new Rows(conditions.predicate(t, what.subList(i + 1, what.size())), null);
        }
        List<Tok> said = new ArrayList<>();
        List<Tok> rest = withoutEveryRow(t, what, said);
        String everyRow = said.isEmpty() ? null : Words.raw(said);
        for (Tok x : rest) {
            if (x.kind() == RequestLexer.Kind.QUOTED) continue;
            if (x.is("or")) throw refuse("did not understand \"or\" in \"" + Words.raw(what) + "\": a policy for one group of rows at a time",
                    "say each as its own request, e.g. \"users can read their own posts\" and \"anyone can read published posts\"");
            Optional<String> flag = flag(t, x);
            if (flag.isPresent()) return new Rows(flag.get(), everyRow);
            Optional<String> value = enumValue(t, x);
            if (value.isPresent()) return new Rows(value.get(), everyRow);
        }
        return new Rows(parentCondition(t, rest), everyRow);
    }

    /** "published" as published = true, "archived" as is_archived = true: a boolean column of t. */
    private static Optional<String> flag(Catalog.Table t, Tok x) {
        if (!x.word()) return Optional.empty();
        if (t.column(x.text()).map(c -> c.type().equals("boolean")).orElse(false)) return Optional.of(Quote.ident(x.text()) + " = true");
        if (x.text().length() > 2 && t.column("is_" + x.text()).map(c -> c.type().equals("boolean")).orElse(false)) return Optional.of(Quote.ident("is_" + x.text()) + " = true");
        return Optional.empty();
    }

    /** "the announcements of published courses", "offers on active listings": the row's parent must be one of those. */
    private String parentCondition(Catalog.Table t, List<Tok> what) {
        for (int i = 1; i < what.size(); i++) {
            Optional<Catalog.Table> parent = catalog.findTable(what.get(i).text()).filter(p -> p != t);
            if (parent.isEmpty() || !what.get(i).word()) continue;
            Tok adj = what.get(i - 1);
            Catalog.Table p = parent.get();
            String filter = flag(p, adj).or(() -> enumValue(p, adj)).orElse(null);
            if (filter == null) continue;
            List<Catalog.Constraint> keys = t.constraints().stream().filter(c -> c.type().equals("f") && c.columns().size() == 1 && p.name().equals(c.references())).toList();
            if (keys.size() != 1) throw refuse(t.name().name() + " has " + (keys.isEmpty() ? "no key" : "several keys") + " to " + p.name().name() + ": which rows are of " + adj.raw() + " " + what.get(i).raw() + "?",
                    "write the policy by hand: pgpilot new --empty NAME");
            String key = keys.get(0).columns().get(0);
            return Quote.ident(key) + " in (select p.\"id\" from " + p.name().sql() + " p where p." + filter + ")";
        }
        return null;
    }

    /**
     * "members can book sessions" when bookings references sessions: booking a session adds a row to
     * bookings, not to sessions, so a policy on sessions would let members create sessions. The table the
     * verb names (bookings), or empty.
     */
    Optional<Catalog.Table> nominalTable(Catalog.Table t, List<Tok> what) {
        for (Tok v : what) {
            if (!v.word() || !PolicyVerbs.commands(List.of(v)).contains("insert")) continue;
            for (String n : List.of(v.text() + "ings", v.text() + "s", v.text().replaceAll("e$", "") + "ations", v.text() + "ments")) {
                Optional<Catalog.Table> noun = catalog.findTable(n).filter(x -> x != t && x.constraints().stream().anyMatch(c -> c.type().equals("f") && t.name().equals(c.references())));
                if (noun.isPresent()) return noun;
            }
        }
        return Optional.empty();
    }

    /** Refuses a policy on t when the verb adds rows to another table ({@link #nominalTable}), naming that table. */
    void refuseNominalTable(Catalog.Table t, List<Tok> what) {
        Optional<Catalog.Table> noun = nominalTable(t, what);
        if (noun.isEmpty()) return;
        String verb = what.stream().filter(v -> v.word() && PolicyVerbs.commands(List.of(v)).contains("insert")).map(Tok::raw).findFirst().orElse("add");
        throw refuse("\"" + verb + " " + t.name().name() + "\" adds rows to " + noun.get().name().name() + ", not to " + t.name().name(),
                "say it of " + noun.get().name().name() + ", e.g. \"... can create " + noun.get().name().name() + " for themselves\"");
    }

    /** "draft listings": the one enum column of t with that value, as status = 'draft'. Command words never are values. */
    private Optional<String> enumValue(Catalog.Table t, Tok x) {
        if (!x.word() || !PolicyVerbs.commands(List.of(x)).isEmpty() || catalog.findTable(x.text()).isPresent()) return Optional.empty();
        List<String> cols = t.columns().values().stream()
                .filter(c -> catalog.findEnum(c.type()).map(e -> e.values().contains(x.text())).orElse(false)).map(Catalog.Column::name).toList();
        if (cols.size() > 1) {
            // each reading says the column: "... where status is 'draft'"
            List<PhraseReadings.Option> options = cols.stream().map(c -> new PhraseReadings.Option("the rows whose " + t.name().name() + "." + c + " is '" + x.text() + "'",
                    "", "where " + c + " is " + Quote.literal(x.text()), Quote.ident(c) + " = " + Quote.literal(x.text()))).toList();
            throw new PhraseReadings(x.raw(), "\"" + x.raw() + "\" is a value of " + String.join(" and ", cols.stream().map(c -> t.name().name() + "." + c).toList()), options);
        }
        return cols.isEmpty() ? Optional.empty() : Optional.of(Quote.ident(cols.get(0)) + " = " + Quote.literal(x.text()));
    }

    /**
     * The words without "X included", "including X", "X or not": what says every row, whatever X is,
     * when X is a value or a flag of t ("drafts" of a status enum, "archived"); those words go to {@code said}.
     * Any other X stays, for the word account to name.
     */
    private List<Tok> withoutEveryRow(Catalog.Table t, List<Tok> what, List<Tok> said) {
        List<Tok> out = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            Tok x = what.get(i);
            int span = i + 1 < what.size() && what.get(i + 1).is("included") && rowWord(t, x) ? 2
                    : x.is("including", "incl") && i + 1 < what.size() && rowWord(t, what.get(i + 1)) ? 2
                    : i + 2 < what.size() && what.get(i + 1).is("or") && what.get(i + 2).is("not") && rowWord(t, x) ? 3 : 0;
            if (span == 0) {
                out.add(x);
                continue;
            }
            said.addAll(what.subList(i, i + span));
            i += span - 1;
        }
        return out;
    }

    /** A value of one of t's enum columns ("drafts": 'draft') or a flag of t ("archived"). */
    private boolean rowWord(Catalog.Table t, Tok x) {
        if (!x.word()) return false;
        if (flag(t, x).isPresent()) return true;
        for (String v : List.of(x.text(), Inflect.singular(x.text()))) {
            if (t.columns().values().stream().anyMatch(c -> catalog.findEnum(c.type()).map(e -> e.values().contains(v)).orElse(false))) return true;
        }
        return false;
    }

    static boolean isCondition(Tok t) {
        return t.kind() != RequestLexer.Kind.QUOTED && CONDITION.contains(t.text());
    }

}
