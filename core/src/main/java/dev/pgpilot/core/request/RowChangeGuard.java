package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Row changes are not schema changes: "delete the tasks whose status is done", "delete from
 * users", "set all prices to 0", "truncate logs", "insert a row into plans" ask to change data.
 * Read as DDL they drop a column or a table, so they are recognised before any schema frame and
 * refused with the way to write them by hand.
 */
final class RowChangeGuard {
    /** Verbs that only ever change rows. */
    private static final Set<String> DATA_VERBS = Set.of("insert", "upsert", "truncate", "seed", "populate", "backfill", "wipe", "empty",
            "clear", "fill", "increment", "decrement", "import", "load", "duplicate", "copy", "move", "archive", "reassign", "deduplicate", "dedupe");
    private static final Set<String> REMOVE = Set.of("delete", "remove", "drop", "erase", "purge", "destroy", "get", "kill", "eliminate", "clean");
    private static final Set<String> SET = Set.of("set", "update", "change", "mark", "make", "reset", "replace", "assign", "flag", "switch", "turn", "give", "double", "halve", "multiply", "raise", "lower");
    /** Nouns for rows. */
    private static final Set<String> ROWS = Set.of("row", "rows", "record", "records", "entry", "entries", "data", "duplicate", "duplicates", "contents",
            "content", "item", "items", "line", "lines", "values", "sample", "test", "dummy", "fake");
    /** Words that pick rows. */
    private static final Set<String> FILTERS = Set.of("where", "whose", "which", "that", "who", "older", "newer", "before", "after", "since",
            "without", "matching", "having", "than", "except", "inactive", "expired", "stale", "old", "done", "completed");
    /** Words that show a request is about the schema after all ("set the default ...", "make email required"). */
    private static final Set<String> SCHEMA_NOUNS = Set.of("default", "defaults", "type", "column", "columns", "table", "index", "constraint",
            "policy", "policies", "enum", "trigger", "comment", "null", "nullable", "required", "optional", "unique", "mandatory", "rls",
            "security", "bucket", "check", "key", "name", "rename", "field", "fields", "not", "varchar", "text", "integer", "boolean", "numeric", "timestamptz");

    private final Catalog catalog;

    RowChangeGuard(Catalog catalog) {
        this.catalog = catalog;
    }

    void check(List<Tok> toks) {
        if (toks.isEmpty()) return;
        reason(toks).ifPresent(why -> {
            throw PilotException.refused("this asks to change rows, not the schema (" + why + "); plain-English requests only change the schema",
                    "write the data change by hand in a blank migration: pgpilot new --empty NAME");
        });
    }

    /**
     * A refusal of words that may be about rows after all ("cancel all appointments for tomorrow",
     * "remove cancelled bookings", "delete patient Pat One", "remove Cy from Acme"): they name a
     * table or everyone and no schema object, or they carry names of rows (a capitalised name
     * inside the sentence, a possessive). The refusal stands as it is; its hint also says how to
     * write a row change by hand, so the user is not sent rephrasing a data change as DDL.
     */
    PilotException explain(List<Tok> toks, PilotException refusal) {
        if (refusal.exitCode() != PilotException.REFUSED || refusal instanceof AmbiguousRequest || toks.isEmpty()) return refusal;
        if (refusal.hint() != null && refusal.hint().contains("--empty")) return refusal;
        boolean schemaNoun = toks.stream().anyMatch(t -> t.kind() == Kind.WORD && SCHEMA_NOUNS.contains(t.text()));
        Optional<String> rows = mentionedTable(toks).map(t -> "rows of " + t).or(() -> has(toks, "everyone", "everybody", "all", "every") ? Optional.of("rows") : Optional.empty());
        boolean rowNames = toks.stream().skip(1).anyMatch(t -> t.kind() == Kind.WORD && (capitalised(t) || t.raw().endsWith("'s")));
        // "only admins can delete projects", "users may read ...": who may do what is a policy, never rows
        boolean rights = has(toks, "can", "may", "cannot", "only", "allowed", "able");
        if (schemaNoun || rights || rows.isEmpty() && !rowNames) return refusal;
        String also = "if this is meant to change " + rows.orElse("rows") + " (data), not the schema, write it by hand in a blank migration: pgpilot new --empty NAME";
        return PilotException.refused(refusal.getMessage(), refusal.hint() == null ? also : refusal.hint() + "; " + also);
    }

    /** "Pat", "Acme", "INV-1": a name written capitalised inside a sentence names a row, not a table or column. */
    private boolean capitalised(Tok t) {
        String raw = t.raw();
        if (raw.isEmpty() || !Character.isUpperCase(raw.charAt(0)) || raw.equals("I")) return false;
        // all capitals without a digit is a keyword typed loud ("NOT NULL", "UUID"), not a row's name; INV-1 is one
        if (raw.equals(raw.toUpperCase(Locale.ROOT)) && !raw.matches(".*\\d.*")) return false;
        return catalog.findTable(t.text()).isEmpty();
    }

    /** The table a word (or two words joined, "api key" for api_keys) of the request names. */
    private Optional<String> mentionedTable(List<Tok> toks) {
        for (int i = 0; i < toks.size(); i++) {
            Optional<Catalog.Table> one = tableAt(toks, i);
            if (one.isPresent()) return Optional.of(one.get().name().name());
        }
        return Optional.empty();
    }

    private Optional<String> reason(List<Tok> toks) {
        int v = verbIndex(toks);
        Tok verb = toks.get(v);
        // "lower the avatars size limit to 512 KB": a bucket's settings are its row of storage.buckets, which the planner changes
        boolean schemaNoun = toks.stream().anyMatch(t -> t.kind() == Kind.WORD && SCHEMA_NOUNS.contains(t.text())) || BucketNames.existing(catalog, toks).isPresent();
        if (DATA_VERBS.contains(verb.text()) && !(verb.is("empty", "clear") && schemaNoun && !has(toks, "table"))) return Optional.of("\"" + verb.raw() + "\"");
        if (REMOVE.contains(verb.text()) || verb.is("update") || SET.contains(verb.text())) {
            if (next(toks, v + 1, "from") && !schemaNoun) return Optional.of("\"" + verb.raw() + " from\"");
            if (toks.stream().anyMatch(t -> t.kind() == Kind.WORD && ROWS.contains(t.text())) && !has(toks, "column", "columns", "field", "table", "index", "security", "rls", "row-level")) {
                // "turn on row level security for comments" names row level security, not rows
                return Optional.of("rows: \"" + rowsPhrase(toks, v) + "\"");
            }
        }
        if (REMOVE.contains(verb.text()) && !has(toks, "column", "columns", "table", "tables", "index", "constraint", "default", "policy", "trigger", "bucket", "enum", "type")) {
            // "delete the tasks whose status is done", "remove all tasks older than a year": rows picked from a table
            boolean picksRows = toks.stream().skip(v + 1).anyMatch(t -> t.kind() == Kind.WORD && FILTERS.contains(t.text()))
                    || has(toks, "all", "every", "each", "any") && mentionsTable(toks)
                    || rowsNamedByState(toks, v + 1);
            if (picksRows && mentionsTable(toks)) return Optional.of("rows picked from a table");
        }
        if (verb.is("update") && (has(toks, "set", "where", "all", "every") || toks.stream().anyMatch(t -> t.is("="))) && !schemaNoun) return Optional.of("\"update\"");
        if (SET.contains(verb.text()) && !schemaNoun) {
            // "set all prices to 0", "mark every task as done", "change the status of task 5 to done"
            if (has(toks, "all", "every", "each", "where", "whose") || has(toks, "to", "as") && toks.stream().anyMatch(t -> t.kind() == Kind.NUMBER || t.kind() == Kind.QUOTED)) {
                // name the value it read as a row's, so a user whose number meant something else ("5 MB") sees which
                Optional<Tok> value = toks.stream().filter(t -> t.kind() == Kind.NUMBER || t.kind() == Kind.QUOTED).findFirst();
                return Optional.of("values set in rows" + value.map(t -> ": " + t.raw()).orElse(""));
            }
        }
        if (verb.is("add", "create", "put", "store", "save", "enter", "record", "register") && !has(toks, "column", "columns", "field", "fields", "table", "index", "type", "enum")) {
            // "add a row to plans", "add a user named bob", "put 'x' into labels"
            if (toks.stream().anyMatch(t -> t.kind() == Kind.WORD && t.is("row", "rows", "record", "records", "entry", "entries", "sample", "dummy", "fake", "seed"))) return Optional.of("rows");
            if (has(toks, "into") && toks.stream().anyMatch(t -> t.kind() == Kind.QUOTED) && !has(toks, "enum")) return Optional.of("values put into a table");
        }
        return Optional.empty();
    }

    /** The words that read as rows: from the last verb or joiner before the first row noun, to it ("keep the data", "drop all rows"). */
    private static String rowsPhrase(List<Tok> toks, int verb) {
        int noun = verb;
        while (noun < toks.size() - 1 && !(toks.get(noun).kind() == Kind.WORD && ROWS.contains(toks.get(noun).text()))) noun++;
        int from = verb;
        for (int i = noun - 1; i > verb; i--) {
            if (toks.get(i).is(",", "and", "but", "then", "also")) { from = i + 1; break; }
        }
        return Words.raw(toks.subList(from, noun + 1));
    }

    /** The first word after politeness ("please", "can you", "I want to", "let's"). */
    private static int verbIndex(List<Tok> toks) {
        int i = 0;
        while (i < toks.size() - 1 && toks.get(i).is("please", "can", "could", "would", "you", "i", "we", "want", "need", "to", "let", "lets", "let's", "us", "go", "ahead", "and", "just", "now", "then", "also", "pls", "kindly", "like")) i++;
        return i;
    }

    private boolean mentionsTable(List<Tok> toks) {
        for (int i = 0; i < toks.size(); i++) if (tableAt(toks, i).isPresent()) return true;
        return false;
    }

    /**
     * "the cancelled work orders", "sold listings": a value of the table's own enum, or the name of
     * one of its boolean columns, right before the table picks rows by their state.
     */
    private boolean rowsNamedByState(List<Tok> toks, int from) {
        for (int i = from; i + 1 < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.kind() != Kind.WORD) continue;
            Optional<Catalog.Table> table = tableAt(toks, i + 1);
            if (table.isPresent() && isState(table.get(), t.text())) return true;
        }
        return false;
    }

    private boolean isState(Catalog.Table table, String word) {
        for (Catalog.Column c : table.columns().values()) {
            if (c.type().equals("boolean") && (c.name().equals(word) || c.name().equals("is_" + word))) return true;
            if (catalog.enumBySql(c.type()).filter(e -> e.values().contains(word)).isPresent()) return true;
        }
        return false;
    }

    /** The table named at token {@code i}, in one word or two ("work orders" for work_orders). */
    private Optional<Catalog.Table> tableAt(List<Tok> toks, int i) {
        if (toks.get(i).kind() != Kind.WORD) return Optional.empty();
        Optional<Catalog.Table> one = catalog.findTable(toks.get(i).text());
        if (one.isEmpty() && i + 1 < toks.size() && toks.get(i + 1).kind() == Kind.WORD) one = catalog.findTable(toks.get(i).text() + "_" + toks.get(i + 1).text());
        return one;
    }

    private static boolean has(List<Tok> toks, String... words) {
        return toks.stream().anyMatch(t -> t.kind() != Kind.QUOTED && t.is(words));
    }

    private static boolean next(List<Tok> toks, int i, String w) {
        return i < toks.size() && toks.get(i).is(w);
    }
}
