package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every word of a request must be accounted for by the changes it became: a name or value the
 * changes carry, or a function word of their kind ({@link FrameWords}). A word nothing accounts
 * for ("descending", "per owner", a type that was not used) means the request was not understood
 * as written, so it is refused naming that word instead of producing a migration that quietly
 * ignores it. The same check runs on the rule-based parser's output and on the LLM backend's.
 */
final class WordAccount {
    /** Record components that describe what was there before, or explain the plan, not what the request asked for. */
    private static final Set<String> PREVIOUS_STATE = Set.of("rebuild", "dependentIndexes", "definition", "oldType", "note", "was");
    private static final Pattern PARTS = Pattern.compile("[^a-z0-9_]+");
    /** A schema qualifying a name in a value ("public"."staff", public.tasks): it names no word of the request, the dotted word as a whole does. */
    private static final Pattern SCHEMA_PREFIX = Pattern.compile("(?<![\\w\".])\"?(?:public|auth|storage|extensions)\"?\\.(?=[\"\\w])");

    private WordAccount() {}

    /** How a reading accounts for one word: carried by a slot (a name or value of the changes), allowed as a function word of its kind, or not at all. */
    enum Use { SLOT, FUNCTION, SYMBOL, NONE }

    static void check(List<Tok> toks, List<ChangeRequest> changes, Catalog catalog) {
        List<Use> uses = uses(toks, changes, catalog);
        int none = uses.indexOf(Use.NONE);
        if (none < 0) return;
        Tok t = toks.get(none);
        throw PilotException.refused("did not understand \"" + t.raw() + "\" in \"" + Quote.oneLine(String.join(" ", toks.stream().map(Tok::raw).toList())) + "\"",
                "it was read as " + String.join(" + ", changes.stream().map(ChangeRequest::describe).toList())
                        + ", which leaves \"" + t.raw() + "\" out; rephrase without it, or write the migration by hand: pgpilot new --empty NAME");
    }

    /** Each token's use by the reading (a type of several words counts as slot words throughout). */
    static List<Use> uses(List<Tok> toks, List<ChangeRequest> changes, Catalog catalog) {
        Set<String> vocab = FrameWords.of(changes);
        List<String> values = values(changes);
        Set<String> parts = parts(values);
        TypeLinker types = new TypeLinker(catalog);
        Set<String> referenced = referencedByIndexKeys(changes, catalog);
        boolean sized = changes.stream().anyMatch(c -> c instanceof ChangeRequest.CreateBucket b && b.sizeLimit() != null
                || c instanceof ChangeRequest.ChangeBucket cb && cb.sizeLimit() != null);
        boolean policy = changes.stream().anyMatch(c -> c instanceof ChangeRequest.CreatePolicy);
        // ", it can be null" after a column: the tail's words said how the column is, and the column carries it
        boolean[] tail = changes.stream().anyMatch(c -> c instanceof ChangeRequest.AddColumn || c instanceof ChangeRequest.CreateTable)
                ? ColumnTail.covered(toks) : new boolean[toks.size()];
        List<Use> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (tail[i]) { out.add(Use.FUNCTION); continue; }
            // a type of several words ("timestamp with time zone", "double precision") is accounted for as one
            int span = typeSpan(toks, i, types, values);
            if (span > 1) {
                for (int k = 0; k < span; k++) out.add(Use.SLOT);
                i += span - 1;
                continue;
            }
            boolean slot = switch (t.kind()) {
                case SYMBOL -> false;
                case QUOTED -> values.stream().anyMatch(v -> v.contains(t.text()) || v.contains(t.text().replace("'", "''")));
                case NUMBER -> sized || number(t.text(), values) || number(t.text().replaceAll("\\.0+$", ""), values);
                case WORD -> explained(t.text(), parts, values, types) || referenced.contains(t.text()) || referenced.contains(Inflect.plural(t.text()))
                        || policy && participle(t.text(), parts);
            };
            // a function word that says something ("unique", "cascade", "a new bucket") counts only where the changes do it
            boolean function = t.kind() == Kind.WORD && vocab.contains(t.text()) && MeaningWords.reflected(toks, i, changes, catalog);
            out.add(t.kind() == Kind.SYMBOL ? Use.SYMBOL : slot ? Use.SLOT : function ? Use.FUNCTION : Use.NONE);
        }
        return out;
    }

    /**
     * "unique per organization" keyed on org_id: the tables an index's key columns reference are what the words named them by;
     * and the tables an insert policy's table references, which a new row is for.
     */
    private static Set<String> referencedByIndexKeys(List<ChangeRequest> changes, Catalog catalog) {
        Set<String> out = new HashSet<>();
        for (ChangeRequest c : changes) {
            // "members can book sessions for themselves": a new bookings row is for a session, the table its keys reference
            if (c instanceof ChangeRequest.CreatePolicy p && p.command().equals("insert")) {
                catalog.findTable(p.table().display()).ifPresent(t -> t.constraints().stream()
                        .filter(k -> k.type().equals("f") && k.references() != null && k.references().schema().equals("public"))
                        .forEach(k -> out.add(k.references().name())));
            }
            if (!(c instanceof ChangeRequest.CreateIndex i)) continue;
            catalog.findTable(i.table().display()).ifPresent(t -> t.constraints().stream()
                    .filter(k -> k.type().equals("f") && k.columns().size() == 1 && i.columns().contains(k.columns().get(0)) && k.references() != null)
                    .forEach(k -> out.add(k.references().name())));
        }
        return out;
    }

    /** True when a value holds the number whole and with its sign: -2 is not accounted for by 2 or 20, nor 2 by -2. */
    private static boolean number(String n, List<String> values) {
        Pattern whole = Pattern.compile("(?<![\\w.-])" + Pattern.quote(n) + "(?![\\w]|\\.\\d)");
        return values.stream().anyMatch(v -> whole.matcher(v).find());
    }

    private static int typeSpan(List<Tok> toks, int i, TypeLinker types, List<String> values) {
        try {
            return types.at(toks, i).filter(m -> values.contains(m.sql())).map(TypeLinker.Match::length).orElse(0);
        } catch (PilotException e) {
            return 0;
        }
    }

    private static boolean explained(String word, Set<String> parts, List<String> values, TypeLinker types) {
        if (word.contains(".") && values.stream().anyMatch(v -> v.equals(word) || v.startsWith(word + "("))) return true;
        if (word.contains(".") || word.contains("/") || word.contains("-")) {
            for (String p : word.split("[./-]")) if (!p.isEmpty() && !p.equals("*") && !name(p, parts)) return false;
            return true;
        }
        if (name(word, parts)) return true;
        try {
            return types.word(word).map(sql -> values.stream().anyMatch(v -> v.equals(sql) || v.startsWith(sql + "[") || v.equals(sql + "[]"))).orElse(false)
                    || word.contains("(") && parts.containsAll(List.of(PARTS.split(word.replaceAll("[()]", " ").strip())));
        } catch (PilotException e) {
            return false;
        }
    }

    /**
     * "enrolled students": a policy that reaches its rows through enrollments says that table by its verb
     * (a stem of four letters or more, before -ed or -ing, that starts a name the policy carries); "they sell" its
     * seller_id, by the verb of the column's agent noun.
     */
    private static boolean participle(String word, Set<String> parts) {
        // "the items they sell": seller_id, the one who sells
        if (parts.contains(word + "er") || parts.contains(word + "r")) return true;
        String stem = word.replaceFirst("(ed|ing)$", "");
        return stem.length() >= 4 && stem.length() < word.length() && parts.stream().anyMatch(p -> p.length() > stem.length() && p.startsWith(stem));
    }

    private static boolean name(String w, Set<String> parts) {
        String bare = w.replace("-", "_");
        return parts.contains(bare) || parts.contains(Inflect.singular(bare)) || parts.contains(Inflect.plural(bare));
    }

    /** Identifier-like pieces of every value: "tracking_number" gives tracking_number, tracking and number. */
    private static Set<String> parts(List<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            for (String p : PARTS.split(SCHEMA_PREFIX.matcher(v.toLowerCase(Locale.ROOT)).replaceAll(""))) {
                if (p.isEmpty()) continue;
                out.add(p);
                for (String q : p.split("_")) if (!q.isEmpty()) out.add(q);
            }
        }
        return out;
    }

    /** Every name and value the changes carry for what the request asked (not what was there before). */
    static List<String> values(List<ChangeRequest> changes) {
        List<String> out = new ArrayList<>();
        for (ChangeRequest c : changes) collect(c, out);
        return out;
    }

    private static void collect(Object o, List<String> out) {
        if (o == null) return;
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof QualifiedName q) {
            // the schema counts only where the request wrote it ("public.tasks"): "make it public" is no schema
            out.add(q.name());
            out.add(q.display());
        } else if (o instanceof Collection<?> c) {
            for (Object x : c) collect(x, out);
        } else if (o instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                if (PREVIOUS_STATE.contains(rc.getName())) continue;
                try {
                    collect(rc.getAccessor().invoke(r), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            out.add(String.valueOf(o));
        }
    }
}
