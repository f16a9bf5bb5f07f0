package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans a request that asks for several changes as one migration: each clause ({@link Clauses})
 * is read on its own, against the catalog as the clauses before it leave it ({@link
 * CatalogAfter}), and every word of each clause must be accounted for by that clause's changes.
 * A clause may lean on the one before: "it" is what that clause changed ("add paid_by ... to
 * invoices and index it"), and a clause that names no table is about the table before ("drop
 * listings.is_featured and add featured_until timestamptz"). Two readings of "it" that both make
 * sense are asked about, never picked. A clause that cannot be read refuses the whole request,
 * naming that clause; nothing is planned from the others.
 */
final class MultiChange {
    /** Reads one clause: routes {@code words}, and every token of {@code accounted} must be explained by the result. */
    interface OneClause {
        List<ChangeRequest> plan(List<Tok> words, List<Tok> accounted, String source, Catalog catalog);
    }

    /** What a clause changed, for "it" and for a clause that names no table. */
    private record Focus(QualifiedName table, String column) {}

    private final OneClause one;
    private final String text;
    private final List<Tok> toks;

    private MultiChange(OneClause one, String text, List<Tok> toks) {
        this.one = one;
        this.text = text;
        this.toks = toks;
    }

    static ChangeSet plan(String text, List<Tok> toks, Catalog catalog, OneClause one) {
        return new MultiChange(one, text, toks).plan(catalog);
    }

    private ChangeSet plan(Catalog catalog) {
        Optional<TopicPrefix> topic = TopicPrefix.of(toks, catalog);
        if (topic.isPresent() && topic.get().plainLead() && !topic.get().comma()) return onTopic(topic.get(), catalog);
        if (topic.isPresent()) {
            // a lead-in that restates the change: read on its topic when its words agree, else as it always was read
            ChangeSet set;
            try {
                set = onTopic(topic.get(), catalog);
            } catch (AmbiguousRequest a) {
                throw a;
            } catch (PilotException e) {
                if (e.exitCode() == PilotException.NOTHING_TO_DO) throw e;
                return planWithoutTopic(catalog);
            }
            try {
                topic.get().check(set.changes(), catalog);
                return set;
            } catch (PilotException leadIn) {
                try {
                    return planWithoutTopic(catalog);
                } catch (PilotException e) {
                    throw leadIn; // the lead-in's word not accounted for says best what was not understood
                }
            }
        }
        return planWithoutTopic(catalog);
    }

    private ChangeSet planWithoutTopic(Catalog catalog) {
        List<Clauses.Span> spans = Clauses.split(toks);
        if (spans.size() <= 1) return ExistingObjects.check(new ChangeSet(text, read(toks, null, catalog)), catalog);
        try {
            return planClauses(spans, catalog);
        } catch (PilotException clauseFailure) {
            if (clauseFailure.exitCode() == PilotException.NOTHING_TO_DO) throw clauseFailure;
            List<ChangeRequest> whole;
            try {
                whole = one.plan(toks, toks, text, catalog); // the joiner may have been part of one change after all
            } catch (PilotException e) {
                throw clauseFailure;
            }
            return ExistingObjects.check(new ChangeSet(text, whole), catalog);
        }
    }

    /** "workouts: add duration_seconds int": the changes after the colon, each on the table before it. */
    private ChangeSet onTopic(TopicPrefix topic, Catalog catalog) {
        List<Tok> rest = toks.subList(topic.rest(), topic.end());
        ChangeSet set;
        try {
            set = new MultiChange(one, text, rest).planClauses(Clauses.split(rest), catalog, new Focus(topic.table().name(), null));
        } catch (AmbiguousRequest a) {
            // each reading is said with the topic in front of it, so choosing one plans it on that table
            String before = ClauseText.join(toks.subList(0, topic.rest()));
            throw new AmbiguousRequest(text, a.readings().stream().map(r -> new AmbiguousRequest.Reading(r.meaning(), before + " " + r.request())).toList());
        }
        for (ChangeRequest c : set.changes()) {
            Optional<Focus> on = focus(List.of(c));
            if (on.isEmpty() || !on.get().table().equals(topic.table().name())) {
                throw PilotException.refused("\"" + Quote.oneLine(text) + "\" names " + topic.table().name().name() + " before the colon, but " + c.describe().replace('_', ' ')
                        + " is not a change to it", "say which table each change is for, one request per table");
            }
        }
        return set;
    }

    private ChangeSet planClauses(List<Clauses.Span> spans, Catalog catalog) {
        return planClauses(spans, catalog, null);
    }

    private ChangeSet planClauses(List<Clauses.Span> spans, Catalog catalog, Focus start) {
        Catalog now = catalog;
        Focus focus = start;
        List<ChangeRequest> all = new ArrayList<>();
        List<String> there = new ArrayList<>();
        for (Clauses.Span span : spans) {
            List<Tok> clause = toks.subList(span.from(), span.to());
            List<ChangeRequest> changes;
            try {
                changes = read(clause, focus, now);
            } catch (AmbiguousRequest a) {
                throw inWhole(a, span);
            } catch (AlreadySo a) {
                // "job title is optional, add a timezone too" where job_title already is: said as there, the rest planned
                there.add(a.getMessage());
                focus = new Focus(a.table, a.column);
                continue;
            } catch (PilotException e) {
                if (e.exitCode() == PilotException.NOTHING_TO_DO) throw e;
                throw PilotException.refused("did not understand the part \"" + ClauseText.join(clause) + "\" of \"" + Quote.oneLine(text) + "\": " + e.getMessage(),
                        e.hint() == null ? "nothing was planned; rephrase that part, or send it as a request of its own" : e.hint());
            }
            // the same change asked twice ("add paid_by ... references auth.users and index it") is planned once
            List<ChangeRequest> fresh = changes.stream().filter(c -> !all.contains(c)).toList();
            ExistingObjects.Sorted s = ExistingObjects.sort(fresh, now);
            all.addAll(s.kept());
            there.addAll(s.there());
            now = CatalogAfter.apply(now, s.kept());
            focus = focus(changes).orElse(focus);
        }
        if (all.isEmpty()) throw PilotException.nothingToDo("already there, nothing to do: " + String.join("; ", there));
        return new ChangeSet(text, all, there);
    }

    /**
     * One clause's changes. With a focus, "it" becomes what the clause before changed (its column,
     * or its table: whichever reads), and a clause naming no table gets that table.
     */
    private List<ChangeRequest> read(List<Tok> clause, Focus focus, Catalog catalog) {
        List<Tok> words = ClauseText.normalized(clause, focus != null);
        String source = clause == toks ? text : ClauseText.join(clause);
        if (focus == null) return one.plan(words, clause, source, catalog);
        if (hasPronoun(words)) {
            List<List<Tok>> variants = new ArrayList<>();
            if (focus.column() != null) variants.add(replacePronoun(words, focus.table().name() + "." + focus.column()));
            variants.add(replacePronoun(words, focus.table().name()));
            return onlyReading(variants, clause, source, catalog);
        }
        // "reviews: reviewer_id defaults to auth.uid()": a clause that starts with a column the table has is about that column
        Tok lead = clause.get(0);
        if (lead.word() && !lead.text().contains(".") && catalog.findTable(focus.table().display()).filter(t -> t.columns().containsKey(lead.text())).isPresent()) {
            List<Tok> qualified = new ArrayList<>(clause);
            String name = focus.table().name() + "." + lead.text();
            qualified.set(0, new Tok(Kind.WORD, name, name));
            try {
                return one.plan(qualified, clause, source, catalog);
            } catch (AmbiguousRequest a) {
                throw a;
            } catch (PilotException e) {
                // not a change of that column: read as written
            }
        }
        List<Tok> onTable = new ArrayList<>(words);
        onTable.add(new Tok(Kind.WORD, "on", "on"));
        onTable.add(new Tok(Kind.WORD, focus.table().name(), focus.table().name()));
        List<List<Tok>> order = namesTable(words, catalog) ? List.of(words, onTable) : List.of(onTable, words);
        PilotException first = null;
        for (List<Tok> w : order) {
            try {
                return one.plan(w, clause, source, catalog);
            } catch (AmbiguousRequest | AlreadySo a) {
                throw a; // a reading that asks, or one that is already so, has judged the clause
            } catch (PilotException e) {
                if (first == null || w == words) first = e; // the clause as written says best what is wrong with it
            }
        }
        throw first;
    }

    /** The one reading the variants have; two different ones are asked about. */
    private List<ChangeRequest> onlyReading(List<List<Tok>> variants, List<Tok> clause, String source, Catalog catalog) {
        List<List<ChangeRequest>> readings = new ArrayList<>();
        List<String> said = new ArrayList<>();
        PilotException first = null;
        for (List<Tok> v : variants) {
            try {
                List<ChangeRequest> r = one.plan(v, clause, source, catalog);
                if (!readings.contains(r)) { readings.add(r); said.add(ClauseText.join(v)); }
            } catch (AmbiguousRequest a) {
                throw a;
            } catch (PilotException e) {
                if (first == null) first = e;
            }
        }
        if (readings.size() == 1) return readings.get(0);
        if (readings.isEmpty()) throw first;
        List<AmbiguousRequest.Reading> out = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            String meaning = String.join(" + ", readings.get(i).stream().map(ChangeRequest::describe).toList()).replace('_', ' ');
            out.add(new AmbiguousRequest.Reading(meaning, said.get(i)));
        }
        throw new AmbiguousRequest(ClauseText.join(clause), out);
    }

    /** A clause's ambiguity as readings of the whole request: choosing one plans every clause. */
    private AmbiguousRequest inWhole(AmbiguousRequest a, Clauses.Span span) {
        String before = ClauseText.join(toks.subList(0, span.from()));
        String after = ClauseText.join(toks.subList(span.to(), toks.size()));
        List<AmbiguousRequest.Reading> out = new ArrayList<>();
        for (AmbiguousRequest.Reading r : a.readings()) {
            out.add(new AmbiguousRequest.Reading(r.meaning(), (before + " " + r.request() + " " + after).strip()));
        }
        return new AmbiguousRequest(text, out);
    }

    private static boolean pronoun(Tok t) {
        return t.kind() == Kind.WORD && t.is("it", "them");
    }

    /** A pronoun that starts a tail after a column (", it can be null") is part of that column's description, not a name to fill in. */
    private static boolean hasPronoun(List<Tok> words) {
        for (int i = 0; i < words.size(); i++) if (pronoun(words.get(i)) && !(i > 0 && ColumnTail.startsAt(words, i))) return true;
        return false;
    }

    private static List<Tok> replacePronoun(List<Tok> words, String name) {
        List<Tok> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Tok t = words.get(i);
            out.add(pronoun(t) && !(i > 0 && ColumnTail.startsAt(words, i)) ? new Tok(Kind.WORD, name, name) : t);
        }
        return out;
    }

    private static boolean namesTable(List<Tok> words, Catalog catalog) {
        for (Tok t : words) {
            if (t.kind() != Kind.WORD) continue;
            String w = t.text();
            int dot = w.indexOf('.');
            if (catalog.findTable(w).filter(x -> x.name().schema().equals("public")).isPresent()
                    || dot > 0 && catalog.findTable(w.substring(0, dot)).isPresent()) return true;
        }
        return false;
    }

    /** The table (and column) the last of a clause's changes is about. */
    private static Optional<Focus> focus(List<ChangeRequest> changes) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Optional<Focus> f = focus(changes.get(i));
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    private static Optional<Focus> focus(ChangeRequest c) {
        if (c instanceof AddColumn x) return Optional.of(new Focus(x.table(), x.column().name()));
        if (c instanceof DropColumn x) return Optional.of(new Focus(x.table(), null));
        if (c instanceof RenameColumn x) return Optional.of(new Focus(x.table(), x.to()));
        if (c instanceof AlterColumnType x) return Optional.of(new Focus(x.table(), x.column()));
        if (c instanceof SetDefault x) return Optional.of(new Focus(x.table(), x.column()));
        if (c instanceof DropDefault x) return Optional.of(new Focus(x.table(), x.column()));
        if (c instanceof SetNotNull x) return Optional.of(new Focus(x.table(), x.column()));
        if (c instanceof AddCheck x) return Optional.of(new Focus(x.table(), null));
        if (c instanceof AddForeignKey x) return Optional.of(new Focus(x.table(), x.column()));
        if (c instanceof CreateTable x) return Optional.of(new Focus(x.table(), null));
        if (c instanceof RenameTable x) return Optional.of(new Focus(new QualifiedName(x.table().schema(), x.to()), null));
        if (c instanceof CreateIndex x) return Optional.of(new Focus(x.table(), x.columns().size() == 1 ? x.columns().get(0) : null));
        if (c instanceof EnableRls x) return Optional.of(new Focus(x.table(), null));
        if (c instanceof CreatePolicy x) return Optional.of(new Focus(x.table(), null));
        if (c instanceof AddUpdatedAtTrigger x) return Optional.of(new Focus(x.table(), null));
        if (c instanceof Comment x) return Optional.of(new Focus(x.table(), x.column()));
        // a dropped table or index, an enum, a bucket: nothing a later clause can add to
        return Optional.empty();
    }

    /** Token lists as text, and a clause's words as the frames read them. */
    static final class ClauseText {
        private ClauseText() {}

        static String join(List<Tok> toks) {
            StringBuilder b = new StringBuilder();
            for (Tok t : toks) {
                if (b.length() > 0 && !(t.kind() == Kind.SYMBOL && t.is(",", ";", ".", ")", ":"))) b.append(' ');
                b.append(t.raw());
            }
            return b.toString();
        }

        /**
         * "let members read it" as "members can read it"; a later clause with no verb ("and an
         * index on starts_at", "and a team_members join table ...") as adding what it names.
         */
        static List<Tok> normalized(List<Tok> clause, boolean later) {
            List<Tok> out = new ArrayList<>(clause);
            if (out.size() > 2 && out.get(0).kind() == Kind.WORD && out.get(0).is("let", "allow")) {
                for (int i = 2; i < out.size(); i++) {
                    if (out.get(i).kind() != Kind.WORD || !Clauses.policyVerb(out.get(i).text())) continue;
                    int end = out.get(i - 1).is("to") ? i - 1 : i;
                    if (out.get(0).is("allow") && end == i) break; // "allow nulls", "allow 'x'" are not policies
                    List<Tok> r = new ArrayList<>(out.subList(1, end));
                    r.add(new Tok(Kind.WORD, "can", "can"));
                    r.addAll(out.subList(i, out.size()));
                    return r;
                }
            }
            if (later && !out.isEmpty() && Clauses.verbless(out)) out.add(0, new Tok(Kind.WORD, "add", "add"));
            return out;
        }
    }
}
