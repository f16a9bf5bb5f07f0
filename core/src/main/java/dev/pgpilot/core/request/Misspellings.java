package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A misspelt verb or function word ("ad a colum", "creat index", "renmae", "delte"): a word that
 * is no word the planner knows and names nothing in the catalog, one edit (a letter more, less or
 * changed, or two letters swapped) from exactly one of {@link #WORDS}, is read as that word. The
 * corrected request must then plan on its own, every word accounted for, and the plan says what
 * was corrected. It is never a guess:
 * <ul>
 * <li>a word one edit from two of them ("colums": column or columns) is read only when both spellings plan the
 *     same changes; else it is said back with both, never picked;
 * <li>a request that also plans as written (the word a new name: "add colunm notes text" is a
 *     column colunm_notes as written) has two readings, and is asked about;
 * <li>a corrected reading that drops anything is refused, saying the reading: a misspelling is
 *     read from what it is near, and dropping a table or a column on such a reading could lose data
 *     the user never meant to lose. Saying the drop as written plans it.
 * </ul>
 */
final class Misspellings {
    /** The verbs and function words a misspelling is read as. Short words a slip easily turns into another ("to", "on", "not") are left out. */
    static final Set<String> WORDS = Set.of("add", "create", "drop", "delete", "remove", "rename", "column", "columns", "table", "tables",
            "index", "indexes", "default", "unique", "constraint", "enum", "policy", "trigger", "bucket", "comment", "references", "foreign",
            "primary", "nullable", "required", "null", "with", "alter", "change", "timestamps");
    /** English words one edit from one of {@link #WORDS} that are never a slip for it. */
    private static final Set<String> ENGLISH = Set.of("crate", "crates", "drip", "prop", "crop", "odd", "aid", "tale", "able", "cable", "tablet",
            "tabled", "dropped", "drops", "deleted", "deletes", "removed", "removes", "renamed", "renames", "creates", "created", "adds", "added",
            "ads", "indexed", "defaults");
    /** The most spellings of one request tried: each misspelling with two readings doubles them. */
    private static final int MAX_READINGS = 8;

    private Misspellings() {}

    /** A word of the request that may be misspelt, and what it is one edit from. */
    record Slip(String typo, List<String> words) {}

    /**
     * The request planned by {@code plan}: as written when no word may be misspelt, or when only
     * the spelling as written plans; read with its corrections when only they plan.
     */
    static ChangeSet plan(String text, Catalog catalog, Function<String, ChangeSet> plan) {
        List<Slip> slips = slips(RequestLexer.lex(text), catalog);
        if (slips.isEmpty()) return plan.apply(text);
        ChangeSet asWritten = null;
        PilotException failure = null;
        try {
            asWritten = plan.apply(text);
        } catch (AmbiguousRequest a) {
            throw a;
        } catch (PilotException e) {
            if (e.exitCode() == PilotException.NOTHING_TO_DO) throw e;
            failure = e;
        }
        List<Map<String, String>> spellings = spellings(slips);
        List<Reading> planned = new ArrayList<>();
        PilotException corrected = null;
        for (Map<String, String> fix : spellings) {
            String fixed = RequestLexer.replaceWords(text, fix);
            try {
                ChangeSet set = plan.apply(fixed);
                if (carriesAsName(set, fix)) continue; // the word read as a name after all: no function word was misspelt
                Optional<Reading> same = planned.stream().filter(r -> r.set().changes().equals(set.changes())).findFirst();
                if (same.isPresent()) same.get().agree();
                else planned.add(new Reading(fix, fixed, set));
            } catch (PilotException e) {
                if (corrected == null) corrected = e;
            }
        }
        if (planned.isEmpty()) {
            if (asWritten != null) return asWritten;
            throw spellings.size() == 1 && corrected != null && namesSlip(failure, slips) ? withNote(corrected, notes(spellings.get(0))) : failure;
        }
        if (asWritten != null) {
            ChangeSet written = asWritten;
            if (planned.stream().allMatch(r -> r.set().changes().equals(written.changes()))) return asWritten;
            throw twoReadings(text, written, planned, plan);
        }
        if (planned.size() > 1 || planned.get(0).agreed() < spellings.size()) throw twoSpellings(text, slips, planned);
        Reading only = planned.get(0);
        if (only.set().changes().stream().anyMatch(Misspellings::drops)) {
            throw PilotException.refused(String.join("; ", notes(only.fix())) + ", which would " + describe(only.set()) + "; nothing is dropped on a misspelt word",
                    "if that is what you mean, say it as written: \"" + only.text() + "\"");
        }
        return only.set().readFrom(text, notes(only.fix()));
    }

    /** One spelling that planned, and how many spellings planned the same changes. */
    private static final class Reading {
        private final Map<String, String> fix;
        private final String text;
        private final ChangeSet set;
        private int agreed = 1;

        Reading(Map<String, String> fix, String text, ChangeSet set) {
            this.fix = fix;
            this.text = text;
            this.set = set;
        }

        Map<String, String> fix() { return fix; }
        String text() { return text; }
        ChangeSet set() { return set; }
        int agreed() { return agreed; }
        void agree() { agreed++; }
    }

    /** The words of the request that are no known word and no name, each with the words it is one edit from. */
    static List<Slip> slips(List<Tok> toks, Catalog catalog) {
        List<Slip> out = new ArrayList<>();
        for (Tok t : toks) {
            if (!t.word() || !t.text().matches("[a-z]{2,}") || known(t.text(), catalog)) continue;
            List<String> near = WORDS.stream().filter(w -> oneEdit(t.text(), w)).sorted().toList();
            if (!near.isEmpty() && out.stream().noneMatch(s -> s.typo().equals(t.text()))) out.add(new Slip(t.text(), near));
        }
        return out;
    }

    private static boolean known(String w, Catalog catalog) {
        if (WORDS.contains(w) || FrameWords.ALL.contains(w) || ENGLISH.contains(w) || PolicyPhrases.WORDS.contains(w)
                || Vocabulary.STOP.contains(w) || Vocabulary.FILLER.contains(w) || TypeWords.isTypeWord(w)) return true;
        return names(w, catalog);
    }

    /** True when the word (or its singular or plural) names a table, column, enum or value, index, type or bucket of the catalog. */
    private static boolean names(String w, Catalog catalog) {
        for (String v : Inflect.variants(w)) {
            if (catalog.findTable(v).isPresent() || catalog.findEnum(v).isPresent() || catalog.findType(v).isPresent() || catalog.findIndex(v).isPresent()
                    || catalog.bucket(v).isPresent()) return true;
            for (Catalog.Table t : catalog.tables().values()) if (t.columns().containsKey(v) || t.columns().containsKey(v + "_id")) return true;
            for (Catalog.EnumType e : catalog.enums().values()) if (e.values().contains(v)) return true;
        }
        return false;
    }

    /** Every way to spell the request with its slips corrected: one word per slip. */
    private static List<Map<String, String>> spellings(List<Slip> slips) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Slip s : slips) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> m : out) {
                for (String w : s.words()) {
                    if (next.size() >= MAX_READINGS) break;
                    Map<String, String> n = new LinkedHashMap<>(m);
                    n.put(s.typo(), w);
                    next.add(n);
                }
            }
            out = next;
        }
        return out;
    }

    /** True when a and b differ by one letter added, removed or changed, or two neighbours swapped; a word of two letters only by one left out ("ad" for "add"). */
    static boolean oneEdit(String a, String b) {
        if (a.equals(b)) return false;
        if (a.length() == 2) return dropsOne(b, a);
        if (Math.abs(a.length() - b.length()) > 1) return false;
        if (a.length() == b.length()) {
            int first = -1, diffs = 0;
            for (int i = 0; i < a.length(); i++) if (a.charAt(i) != b.charAt(i)) { if (diffs++ == 0) first = i; }
            if (diffs == 1) return true;
            return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
        }
        return a.length() < b.length() ? dropsOne(b, a) : dropsOne(a, b);
    }

    /** True when {@code shorter} is {@code longer} with one letter left out. */
    private static boolean dropsOne(String longer, String shorter) {
        if (longer.length() != shorter.length() + 1) return false;
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) i++;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    /** True when a corrected word became a name of the changes ("a tabel column" read as a column "table"): it was no function word. */
    private static boolean carriesAsName(ChangeSet set, Map<String, String> fix) {
        List<String> values = WordAccount.values(set.changes());
        return fix.values().stream().anyMatch(w -> values.stream().anyMatch(v -> List.of(v.split("[^a-z0-9]+")).contains(w)
                || List.of(v.split("[^a-z0-9_]+")).stream().anyMatch(p -> List.of(p.split("_")).contains(w))));
    }

    private static boolean drops(ChangeRequest c) {
        return c instanceof DropTable || c instanceof DropColumn || c instanceof DropIndex || c instanceof DropTrigger || c instanceof DropDefault;
    }

    private static boolean namesSlip(PilotException e, List<Slip> slips) {
        String m = e.getMessage();
        return m.startsWith("not a schema change") || slips.stream().anyMatch(s -> m.toLowerCase(java.util.Locale.ROOT).contains("\"" + s.typo() + "\""));
    }

    private static List<String> notes(Map<String, String> fix) {
        return fix.entrySet().stream().map(e -> "read \"" + e.getKey() + "\" as \"" + e.getValue() + "\"").toList();
    }

    private static PilotException withNote(PilotException e, List<String> notes) {
        return e.exitCode() == PilotException.NOTHING_TO_DO
                ? PilotException.nothingToDo(String.join("; ", notes) + ": " + e.getMessage())
                : PilotException.refused(String.join("; ", notes) + ": " + e.getMessage(), e.hint());
    }

    private static String describe(ChangeSet set) {
        return String.join(" + ", set.changes().stream().map(c -> c.describe().replace('_', ' ')).toList());
    }

    /** Planned as written and as corrected, differently: both are readings. */
    private static PilotException twoReadings(String text, ChangeSet written, List<Reading> planned, Function<String, ChangeSet> plan) {
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        Optional<String> said = ReadingText.of(written.changes()).filter(t -> replans(t, written, plan));
        for (Reading r : planned) {
            readings.add(new AmbiguousRequest.Reading(describe(r.set()) + " (" + String.join("; ", notes(r.fix())) + ")", r.text()));
        }
        if (said.isEmpty()) {
            List<String> meanings = new ArrayList<>(List.of(describe(written) + " (as written)"));
            readings.forEach(r -> meanings.add(r.meaning()));
            return PilotException.refused("\"" + Quote.oneLine(text) + "\" can mean " + meanings.size() + " things: " + String.join("; ", meanings),
                    "say which: correct the spelling, or name the change outright");
        }
        readings.add(0, new AmbiguousRequest.Reading(describe(written) + " (as written)", said.get()));
        return new AmbiguousRequest(text, readings);
    }

    private static boolean replans(String said, ChangeSet written, Function<String, ChangeSet> plan) {
        try {
            return plan.apply(said).changes().equals(written.changes());
        } catch (PilotException e) {
            return false;
        }
    }

    /** A misspelling near two words, only one of which plans ("colums": column or columns), or two spellings that each plan: never picked. */
    private static PilotException twoSpellings(String text, List<Slip> slips, List<Reading> planned) {
        if (planned.size() > 1) {
            return new AmbiguousRequest(text, planned.stream()
                    .map(r -> new AmbiguousRequest.Reading(describe(r.set()) + " (" + String.join("; ", notes(r.fix())) + ")", r.text())).toList());
        }
        Slip s = slips.stream().filter(x -> x.words().size() > 1).findFirst().orElseThrow();
        return PilotException.refused("did not understand \"" + s.typo() + "\" in \"" + Quote.oneLine(text) + "\": it may be \"" + String.join("\" or \"", s.words()) + "\"",
                "say which word you mean; with \"" + planned.get(0).fix().get(s.typo()) + "\" it reads: " + planned.get(0).text());
    }
}
