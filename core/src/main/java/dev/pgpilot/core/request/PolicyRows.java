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
     * "... where status is 'open'", "published posts", "draft listings", "posts that are not archived"
     * → a row filter, or null; "drafts included", "published or not" say every row, so no filter.
     */
    String condition(Catalog.Table t, List<Tok> what) {
        for (int i = 0; i < what.size(); i++) {
            if (isCondition(what.get(i))) return conditions.predicate(t, what.subList(i + 1, what.size()));
        }
        List<Tok> rest = withoutEveryRow(what);
        for (Tok x : rest) {
            if (x.kind() == RequestLexer.Kind.QUOTED) continue;
            if (x.is("or")) throw refuse("did not understand \"or\" in \"" + Words.raw(what) + "\": a policy for one group of rows at a time",
                    "say each as its own request, e.g. \"users can read their own posts\" and \"anyone can read published posts\"");
            if (x.word() && t.column(x.text()).map(c -> c.type().equals("boolean")).orElse(false)) return Quote.ident(x.text()) + " = true";
            if (x.word() && x.text().length() > 2 && t.column("is_" + x.text()).map(c -> c.type().equals("boolean")).orElse(false)) return Quote.ident("is_" + x.text()) + " = true";
            Optional<String> value = enumValue(t, x);
            if (value.isPresent()) return value.get();
        }
        return parentCondition(t, rest);
    }

    /** "the announcements of published courses", "offers on active listings": the row's parent must be one of those. */
    private String parentCondition(Catalog.Table t, List<Tok> what) {
        for (int i = 1; i < what.size(); i++) {
            Optional<Catalog.Table> parent = catalog.findTable(what.get(i).text()).filter(p -> p != t);
            if (parent.isEmpty() || !what.get(i).word()) continue;
            Tok adj = what.get(i - 1);
            String filter = null;
            Catalog.Table p = parent.get();
            if (adj.word() && p.column(adj.text()).map(c -> c.type().equals("boolean")).orElse(false)) filter = Quote.ident(adj.text()) + " = true";
            else if (adj.word() && p.column("is_" + adj.text()).map(c -> c.type().equals("boolean")).orElse(false)) filter = Quote.ident("is_" + adj.text()) + " = true";
            else filter = enumValue(p, adj).orElse(null);
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
     * bookings, not to sessions, so a policy on sessions would let members create sessions. Refused, naming the table.
     */
    void refuseNominalTable(Catalog.Table t, List<Tok> what) {
        for (Tok v : what) {
            if (!v.word() || !PolicyVerbs.commands(List.of(v)).contains("insert")) continue;
            for (String n : List.of(v.text() + "ings", v.text() + "s", v.text().replaceAll("e$", "") + "ations", v.text() + "ments")) {
                Optional<Catalog.Table> noun = catalog.findTable(n).filter(x -> x != t && x.constraints().stream().anyMatch(c -> c.type().equals("f") && t.name().equals(c.references())));
                if (noun.isPresent()) throw refuse("\"" + v.raw() + " " + t.name().name() + "\" adds rows to " + noun.get().name().name() + ", not to " + t.name().name(),
                        "say it of " + noun.get().name().name() + ", e.g. \"... can create " + noun.get().name().name() + " for themselves\"");
            }
        }
    }

    /** "draft listings": the one enum column of t with that value, as status = 'draft'. Command words never are values. */
    private Optional<String> enumValue(Catalog.Table t, Tok x) {
        if (!x.word() || !PolicyVerbs.commands(List.of(x)).isEmpty() || catalog.findTable(x.text()).isPresent()) return Optional.empty();
        List<String> cols = t.columns().values().stream()
                .filter(c -> catalog.findEnum(c.type()).map(e -> e.values().contains(x.text())).orElse(false)).map(Catalog.Column::name).toList();
        if (cols.size() > 1) throw refuse("\"" + x.raw() + "\" is a value of " + String.join(" and ", cols) + " on " + t.name().name() + ": which one?",
                "say e.g. \"where " + cols.get(0) + " is '" + x.text() + "'\"");
        return cols.isEmpty() ? Optional.empty() : Optional.of(Quote.ident(cols.get(0)) + " = " + Quote.literal(x.text()));
    }

    /** The words without "X included", "including X", "X or not": what says every row, whatever X is. */
    private static List<Tok> withoutEveryRow(List<Tok> what) {
        List<Tok> out = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            Tok x = what.get(i);
            if (i + 1 < what.size() && what.get(i + 1).is("included")) { i++; continue; }
            if (x.is("including", "incl") && i + 1 < what.size()) { i++; continue; }
            if (i + 2 < what.size() && what.get(i + 1).is("or") && what.get(i + 2).is("not")) { i += 2; continue; }
            out.add(x);
        }
        return out;
    }

    static boolean isCondition(Tok t) {
        return t.kind() != RequestLexer.Kind.QUOTED && CONDITION.contains(t.text());
    }

}
