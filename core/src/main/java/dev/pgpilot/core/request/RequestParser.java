package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import dev.pgpilot.core.request.Lexer.Kind;
import dev.pgpilot.core.request.Lexer.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rule-based, offline request parser: finds the verb, the kind of object and the names in the
 * request, resolves every name against the {@link Catalog}, and refuses anything it cannot pin
 * down instead of guessing.
 */
public final class RequestParser {
    static final Set<String> ADD = Set.of("add", "create", "introduce", "need", "needs", "want", "wants", "include", "store", "track", "new", "make", "give", "put", "record");
    static final Set<String> DROP = Set.of("drop", "remove", "delete", "destroy", "get", "kill", "eliminate", "purge", "erase");
    static final Set<String> RENAME = Set.of("rename", "call", "retitle");
    static final Set<String> FILLER = Set.of("a", "an", "the", "new", "column", "field", "attribute", "property", "called", "named",
            "of", "type", "as", "please", "also", "column:", "field:", "optional", "nullable", "some", "its", "their", "our", "my");
    private static final Set<String> EVERYTHING = Set.of("everything", "all", "every", "database", "schema", "db", "anything", "whole", "entire", "tables");
    /** Words that only make sense in a request about the schema; a request with none of them (and no known name) is not one. */
    private static final Set<String> SCHEMA_WORDS = Set.of("add", "create", "introduce", "drop", "remove", "delete", "rename", "index", "indexes",
            "require", "alter", "change", "table", "tables", "column", "columns", "field", "enum", "type", "bucket", "policy", "rls", "trigger",
            "constraint", "unique", "default", "foreign", "comment", "everything", "database", "schema", "timestamps", "security");

    static final Set<String> OWNER_ID_NAMES = Set.of("user_id", "owner_id", "author_id", "created_by", "creator_id");

    private final Catalog catalog;
    private final ColumnPhrase columns;
    private final ForeignTargets targets;

    public RequestParser(Catalog catalog) {
        this.catalog = catalog;
        this.columns = new ColumnPhrase(catalog);
        this.targets = new ForeignTargets(catalog);
    }

    public ChangeSet parse(String request) {
        String text = Sql.oneLine(request);
        if (text.isEmpty()) throw refuse("empty request", "say what to change, e.g. \"add notes text to orders\"");
        if (text.length() > 2000) throw refuse("request too long (" + text.length() + " characters)", "describe one change at a time");
        List<Tok> toks = readable(text, catalog);
        Words w = new Words(toks, text);
        List<ChangeRequest> changes;
        try {
            changes = route(w);
        } catch (ColumnNameReadings r) {
            throw r.readings(text);
        }
        WordAccount.check(toks, changes, catalog);
        return ExistingObjects.check(new ChangeSet(text, changes), catalog);
    }

    /**
     * The tokens a request's frames read: the purpose clause set aside, and row changes refused
     * before any frame could read them as DDL. The LLM backend checks its model's reply against
     * the same tokens.
     */
    static List<Tok> readable(String text, Catalog catalog) {
        List<Tok> all = Lexer.lex(text);
        boolean comment = !all.isEmpty() && all.get(0).is("comment", "describe", "document") || text.contains(":");
        List<Tok> toks = comment ? all : Rationale.strip(all, catalog);
        if (!comment) new RowChangeGuard(catalog).check(toks);
        return toks;
    }

    // ------------------------------------------------------------------ routing

    private List<ChangeRequest> route(Words w) {
        boolean adding = w.first().is("add", "introduce", "create", "include", "give");
        if (!w.any(SCHEMA_WORDS) && w.tables(catalog).isEmpty() && w.dotted().isEmpty()
                && w.all().stream().noneMatch(t -> t.word() && (catalog.findEnum(t.text()).isPresent() || catalog.findIndex(t.text()).isPresent()))) {
            throw refuse("not a schema change: \"" + w.text() + "\"",
                    "ask for a change to tables, columns, indexes, policies or buckets, e.g. \"add notes text to orders\"");
        }
        if (w.any(DROP) && (w.any(EVERYTHING) || w.has("all")) && w.tables(catalog).isEmpty() && !w.has("index") && !w.has("default")) {
            throw refuse("refusing a vague destructive request: \"" + w.text() + "\"", "name exactly what to drop, e.g. \"drop the temp_exports table\"");
        }
        PolicyPhrases policies = new PolicyPhrases(catalog, this);
        boolean can = w.has("can") || w.has("may") || w.phrase("able", "to") || w.has("allowed");
        if (w.has("bucket") && can && policies.isPolicyRequest(w)) return policies.parse(w); // storage policies, not a new bucket
        if (w.has("bucket")) return List.of(bucket(w));
        if (w.first().is("comment", "describe", "document") || w.phrase("comment", "on")) return List.of(comment(w));
        // a comment may quote anything after its colon; everywhere else ";" is refused so one request stays one change
        w.all().stream().filter(t -> t.is(";") && t.kind() == Kind.SYMBOL).findFirst().ifPresent(t -> {
            throw refuse("did not understand \";\": one request at a time", "send each change as its own request, or list columns with commas");
        });
        // "we don't need tasks.done", "no longer need the fax column", "get rid of notes"
        if (w.phrase("not", "need") || w.phrase("no", "longer", "need") || w.phrase("get", "rid", "of")) return List.of(drop(w));
        if (can && policies.isPolicyRequest(w)) return policies.parse(w);
        if (w.has("rls") || w.phrase("row", "level", "security") || w.has("row-level")) return List.of(enableRls(w));
        if (w.has("trigger") || ((w.has("updated_at")) && w.any(Set.of("keep", "maintain", "touch", "auto", "automatically", "bump", "refresh")))) return trigger(w);
        if (w.has("timestamps") || (w.has("created_at") && w.has("updated_at") && w.any(ADD))) return timestamps(w);
        if (w.has("enum") || w.phrase("type", "with") || w.phrase("type", "as")) {
            if (w.any(Set.of("create", "new", "define", "introduce", "make"))) return List.of(createEnum(w));
        }
        Optional<Catalog.EnumType> addValue = enumTarget(w);
        if (addValue.isPresent() && w.any(Set.of("add", "include", "includes", "allow", "extend", "support"))) return List.of(addEnumValue(w, addValue.get()));
        if (w.has("index") || w.has("indexes") || w.phrase("speed", "up") || w.has("lookups") || w.has("searchable") || w.first().is("index")) {
            if (w.any(DROP)) return List.of(dropIndex(w));
            if (!w.has("unique")) return List.of(createIndex(w, false));
        }
        if (createsTable(w)) return createTable(w);
        if (w.any(RENAME) || (w.first().is("change", "rename") && !w.hasType() && !w.has("type") && w.has("to") && w.lastWordAfter("to").map(x -> !TypeWords.isTypeWord(x)).orElse(false) && w.dotted().isPresent())) return List.of(rename(w));
        if (w.phrase("foreign", "key") || !adding && (w.has("references") || w.has("referencing")) || w.has("->") && !adding || w.phrase("belong", "to") || w.phrase("belongs", "to") || w.first().is("link", "connect", "relate")) return List.of(foreignKey(w));
        if (w.any(DROP) && !w.has("null") && !w.has("required")) return List.of(drop(w));
        if (adding && !w.has("check") && !w.has("constraint")) return addColumns(w);
        boolean wants = w.any(Set.of("need", "needs", "want", "wants")) || w.phrase("should", "have") || w.phrase("must", "have") || w.phrase("should", "also", "have");
        if (wants) return addColumns(w);
        if ((!adding || w.has("constraint") || w.has("index")) && w.has("unique") || !adding && w.has("distinct") || w.phrase("no", "duplicate") || w.phrase("no", "duplicates")) return List.of(unique(w));
        if (w.first().is("require") || w.has("required") || w.has("mandatory") || w.phrase("not", "null") || w.phrase("not", "be", "null") || w.phrase("not", "be", "empty") && false) return List.of(notNull(w, true));
        if (w.has("optional") || w.has("nullable") || w.phrase("allow", "null") || w.phrase("allow", "nulls")) return List.of(notNull(w, false));
        if (w.any(Set.of("non-negative", "nonnegative", "positive", "negative", "between", "most", "least", "greater", "less", "exceed", "longer", "shorter", "check"))) return List.of(check(w));
        if ((w.has("default") || w.has("defaults") || w.has("defaulting")) && !w.first().is("add", "introduce", "create", "include")) return List.of(setDefault(w));
        if (w.first().is("change", "alter", "convert", "switch") || w.first().is("make") && w.hasType() || w.phrase("type", "to") || w.phrase("should", "be") && w.hasType()) return List.of(alterType(w));
        if (w.any(ADD) || w.has("should") || w.has("have") || w.has("has")) return addColumns(w);
        throw refuse("not a schema change I understand: \"" + w.text() + "\"",
                "try e.g. \"add notes text to orders\", \"index orders on status\", \"rename customers.full_name to display_name\"");
    }

    /**
     * True when the word "table" is the object of a creating verb ("create table x", "add a wishlists
     * table", "we need a new table for ..."). A table after a preposition or a column word ("add a
     * column nickname to the userz table") names an existing table, which must then resolve; an
     * unknown one is refused, never turned into a new table.
     */
    /** True when the request asks for a new table (the LLM backend checks its model's creates with it). */
    static boolean asksForNewTable(String request) {
        String text = Sql.oneLine(request);
        return createsTable(new Words(Lexer.lex(text), text));
    }

    private static boolean createsTable(Words w) {
        int at = w.indexOfAny(Set.of("table", "tables"));
        for (int i = at - 1; i >= 0; i--) {
            Tok x = w.tok(i);
            if (x.is("create", "add", "new", "make", "introduce", "need", "needs", "set", "build")) return true;
            if (x.is("to", "on", "in", "into", "of", "from", "column", "columns", "field", "fields")) return false;
        }
        return false;
    }

    // ------------------------------------------------------------------ columns

    private List<ChangeRequest> addColumns(Words w) {
        // "<verb> <column spec> to|on|in <table>" or "<table> need(s)/should have <column spec>"
        int to = tablePreposition(w);
        Catalog.Table table;
        List<Tok> spec;
        int verb = w.indexOfAny(Set.of("need", "needs", "should", "want", "wants", "have", "has", "must", "require", "requires"));
        if (verb > 0 && !w.any(Set.of("add", "create", "introduce"))) {
            table = tableOrRefuse(w.tok(0).word() ? w.wordsBetween(0, verb) : List.of(), w);
            int from = verb + 1;
            while (from < w.size() && w.tok(from).is("have", "has", "also", "get", "to", "be", "able", "store", "track", "keep")) from++;
            spec = w.sub(from, w.size());
        } else {
            Optional<Tok> dotted = w.dotted().filter(d -> catalog.findTable(d.text().substring(0, d.text().indexOf('.'))).isPresent());
            if (dotted.isPresent() && (to < 0 || to > w.indexOf(dotted.get(), 0))) {
                // "add labels.color varchar(7)": table.column, then the column's description
                Tok d = dotted.get();
                Catalog.Table t = catalog.table(d.text().substring(0, d.text().indexOf('.')));
                List<Tok> part = new ArrayList<>();
                part.add(new Tok(Kind.WORD, d.text().substring(d.text().indexOf('.') + 1), d.raw()));
                part.addAll(w.sub(w.indexOf(d, 0) + 1, w.size()));
                ColumnDef c = columnSpec(part, t.name());
                return c.references() == null ? List.of(new AddColumn(t.name(), c)) : List.of(new AddColumn(t.name(), c), fkIndexOnly(t.name(), c.name()));
            }
            if (to < 0 || to + 1 >= w.size()) {
                throw refuse("incomplete request: which column, on which table?", "e.g. \"add notes text to orders\"");
            }
            int end = to + 1;
            List<Tok> tail = w.sub(to + 1, w.size());
            Tok tableTok = tail.stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("table")).findFirst()
                    .orElseThrow(() -> refuse("incomplete request: which table?", "e.g. \"add notes text to orders\""));
            table = catalog.table(tableTok.text());
            int after = w.indexOf(tableTok, end);
            if (after + 1 < w.size() && w.tok(after + 1).is("table")) after++; // "... to the users table"
            spec = new ArrayList<>(w.sub(w.indexOfAny(ADD) + 1, to));
            spec.addAll(w.sub(after + 1, w.size()));
        }
        List<ChangeRequest> out = new ArrayList<>();
        for (List<Tok> part : splitList(spec)) {
            ColumnDef c = columnSpec(part, table.name());
            out.add(new AddColumn(table.name(), c));
            if (c.references() != null) out.add(fkIndexOnly(table.name(), c.name()));
        }
        if (out.isEmpty()) throw refuse("incomplete request: which column?", "e.g. \"add notes text to " + table.name().name() + "\"");
        return out;
    }

    /**
     * The "to/on/in/into/for" that introduces the table: the last one followed by a known table, so
     * "defaulting to an empty object to profiles" and "references patients on delete set null to
     * appointments" find the table at the end; the first one when none names a table (for the error).
     */
    private int tablePreposition(Words w) {
        Set<String> preps = Set.of("to", "on", "in", "into", "for");
        for (int i = w.size() - 2; i >= 0; i--) {
            if (!preps.contains(w.tok(i).text()) || w.tok(i).kind() == Kind.QUOTED) continue;
            int j = i + 1;
            while (j < w.size() && (FILLER.contains(w.tok(j).text()) || w.tok(j).is("table"))) j++;
            if (j < w.size() && w.tok(j).word() && catalog.findTable(w.tok(j).text()).isPresent()) return i;
        }
        return w.indexOfAny(preps);
    }

    private ChangeRequest fkIndexOnly(QualifiedName table, String column) {
        return new CreateIndex(table, indexName("idx", table.name(), List.of(column)), List.of(column), false, null, false);
    }

    /** "a phone_verified boolean defaulting to false", "amount numeric(12,2) not null", "customer_id referencing customers". */
    ColumnDef columnSpec(List<Tok> part, QualifiedName owner) {
        ColumnPhrase.Parsed p = columns.parse(part);
        if (p.primaryKey()) throw refuse("\"primary key\" is only understood for the id of a new table", "e.g. \"create table profiles with id uuid primary key references auth.users\"");
        return p.column();
    }

    private ColumnDef.ForeignRef foreignRef(String tableWord) {
        return targets.of(tableWord);
    }

    private String defaultValue(List<Tok> toks, int at, String type) {
        DefaultValue.Match m = DefaultValue.at(toks, at, type);
        if (at + m.length() < toks.size()) {
            Tok extra = toks.get(at + m.length());
            throw refuse("did not understand \"" + extra.raw() + "\" after the default value", "give one value, e.g. default 'open'");
        }
        return DefaultValue.fits(m.sql(), type);
    }

    // ------------------------------------------------------------------ column references

    /** A table.column named in the request: "customers.full_name", "products price", "price on products". */
    private record ColRef(Catalog.Table table, Catalog.Column column) {}

    private ColRef columnRef(Words w, List<Tok> scope) {
        for (Tok t : scope) {
            if (t.word() && t.text().contains(".") && !t.text().endsWith(".")) {
                String[] parts = t.text().split("\\.");
                if (parts.length == 2 && catalog.findTable(parts[0]).isPresent() || parts.length == 2 && catalog.findTable(t.text()).isEmpty()) {
                    Catalog.Table tab = catalog.table(parts[0]);
                    return new ColRef(tab, catalog.column(tab, parts[1]));
                }
            }
        }
        Optional<ColRef> linked = onlyTableColumnPair(scope);
        if (linked.isPresent()) return linked.get();
        Catalog.Table table = null;
        Tok tableTok = null;
        for (Tok t : scope) {
            if (!t.word() || FILLER.contains(t.text())) continue;
            Optional<Catalog.Table> ct = catalog.findTable(t.text());
            if (ct.isPresent() && (table == null)) { table = ct.get(); tableTok = t; }
        }
        if (table == null) {
            // prefer a table that owns one of the words as a column, so "price must be positive" on a single candidate is not guessed
            throw refuse("which table? none of the words names a known table in \"" + w.text() + "\"",
                    "write table.column, e.g. \"" + exampleColumn() + "\"; tables: " + String.join(", ", catalog.publicTableNames()));
        }
        for (Tok t : scope) {
            if (t == tableTok || !t.word()) continue;
            if (table.columns().containsKey(t.text())) return new ColRef(table, table.columns().get(t.text()));
        }
        for (Tok t : scope) {
            if (t == tableTok || !t.word()) continue;
            String one = Inflect.singular(t.text());
            if (table.columns().containsKey(one)) return new ColRef(table, table.columns().get(one));
        }
        // the column word is the non-filler word next to the table
        Tok guess = null;
        int ti = scope.indexOf(tableTok);
        for (int d = 1; d < scope.size() && guess == null; d++) {
            for (int k : new int[] {ti + d, ti - d}) {
                if (k >= 0 && k < scope.size() && scope.get(k).word() && !FILLER.contains(scope.get(k).text()) && !STOP.contains(scope.get(k).text())) { guess = scope.get(k); break; }
            }
        }
        if (guess == null) throw refuse("which column of " + table.name().display() + "?", "write table.column, e.g. " + table.name().name() + "." + table.columns().keySet().iterator().next());
        throw refuse("unknown column " + guess.text() + " in table " + table.name().display(), Suggest.hint(guess.text(), table.columns().keySet(), "columns of " + table.name().name()));
    }

    /**
     * "delete the notes column from tasks" where notes is a table too: of every (table, column) the
     * words can name together, the one pair there is. None or several: the caller decides.
     */
    private Optional<ColRef> onlyTableColumnPair(List<Tok> scope) {
        Set<ColRef> pairs = new LinkedHashSet<>();
        for (Tok t : scope) {
            if (!t.word()) continue;
            Optional<Catalog.Table> ct = catalog.findTable(t.text());
            if (ct.isEmpty()) continue;
            for (Tok c : scope) {
                if (c == t || !c.word()) continue;
                ct.get().column(c.text()).or(() -> ct.get().column(Inflect.singular(c.text()))).ifPresent(col -> pairs.add(new ColRef(ct.get(), col)));
            }
        }
        return pairs.size() == 1 ? Optional.of(pairs.iterator().next()) : Optional.empty();
    }

    private static final Set<String> STOP = Set.of("to", "on", "in", "from", "for", "by", "must", "be", "should", "make", "set", "change", "default",
            "defaults", "required", "require", "unique", "not", "null", "is", "are", "and", "with", "drop", "remove", "delete", "alter", "rename",
            "non-negative", "positive", "negative", "between", "at", "most", "least", "characters", "chars", "than", "greater", "less", "only",
            "where", "always", "never", "optional", "nullable", "mandatory", "allow", "type", "column", "table", "it", "can", "cannot", "have",
            "constraint", "check", "value", "values", "of", "index", "distinct", "duplicates", "no", "convert", "switch");

    private String exampleColumn() {
        return catalog.tables().values().stream().filter(t -> t.name().schema().equals("public") && !t.columns().isEmpty()).findFirst()
                .map(t -> t.name().name() + "." + t.columns().keySet().iterator().next()).orElse("orders.status");
    }

    private ChangeRequest notNull(Words w, boolean required) {
        ColRef r = columnRef(w, w.all());
        if (r.column().notNull() == required) {
            throw refuse(r.table().name().name() + "." + r.column().name() + " is already " + (required ? "required (not null)" : "optional"), null);
        }
        return new SetNotNull(r.table().name(), r.column().name(), required);
    }

    private ChangeRequest unique(Words w) {
        Catalog.Table table = null;
        List<String> cols = new ArrayList<>();
        ColRef r = columnRef(w, w.all());
        table = r.table();
        for (Tok t : w.all()) if (t.word() && table.columns().containsKey(t.text()) && !cols.contains(t.text())) cols.add(t.text());
        for (Tok t : w.all()) if (t.word() && t.text().startsWith(table.name().name() + ".")) {
            String c = t.text().substring(t.text().indexOf('.') + 1);
            if (!cols.contains(c)) cols.add(0, c);
        }
        if (cols.isEmpty()) cols.add(r.column().name());
        return new CreateIndex(table.name(), indexName("uq", table.name().name(), cols), List.copyOf(cols), true, null, false);
    }

    private ChangeRequest check(Words w) {
        ColRef r = columnRef(w, w.all());
        String col = Sql.ident(r.column().name());
        String c = r.column().name();
        List<Tok> toks = w.all();
        List<String> nums = toks.stream().filter(t -> t.kind() == Kind.NUMBER).map(Tok::text).toList();
        String expr;
        String suffix;
        if (w.has("non-negative") || w.has("nonnegative") || w.phrase("not", "negative") || w.phrase("zero", "or", "more")) { expr = col + " >= 0"; suffix = "non_negative"; }
        else if (w.has("positive") || w.phrase("greater", "than", "zero") || w.phrase("more", "than", "zero")) { expr = col + " > 0"; suffix = "positive"; }
        else if (w.has("between") && nums.size() >= 2) { expr = col + " between " + nums.get(0) + " and " + nums.get(1); suffix = "range"; }
        else if ((w.has("characters") || w.has("chars") || w.has("long") || w.has("longer") || w.has("length")) && !nums.isEmpty()) {
            boolean min = w.has("least") || w.has("longer");
            expr = "char_length(" + col + ") " + (min ? ">= " : "<= ") + nums.get(0); suffix = min ? "min_length" : "max_length";
        } else if ((w.has("most") || w.has("exceed") || w.phrase("less", "than") || w.phrase("no", "more")) && !nums.isEmpty()) {
            expr = col + (w.phrase("less", "than") ? " < " : " <= ") + nums.get(0); suffix = "max";
        } else if ((w.has("least") || w.phrase("greater", "than") || w.phrase("more", "than")) && !nums.isEmpty()) {
            expr = col + (w.has("least") ? " >= " : " > ") + nums.get(0); suffix = "min";
        } else {
            throw refuse("which rule should " + r.table().name().name() + "." + c + " follow?", "e.g. \"non-negative\", \"positive\", \"between 1 and 5\", \"at most 200 characters\"");
        }
        return new AddCheck(r.table().name(), trim63(r.table().name().name() + "_" + c + "_" + suffix), expr);
    }

    private ChangeRequest setDefault(Words w) {
        List<Tok> all = w.all();
        int at = w.indexOfAny(Set.of("default", "defaults", "defaulting"));
        int to = -1;
        for (int i = at + 1; i < all.size(); i++) if (all.get(i).is("to", "=", "as", "of", "be")) to = i;
        if (to < 0 || to + 1 >= all.size()) throw refuse("default to what?", "e.g. \"default orders status to 'paid'\"");
        ColRef r = columnRef(w, w.sub(0, to));
        Tok value = all.get(to + 1);
        if (value.is("nothing", "null") && w.any(DROP)) return new DropDefault(r.table().name(), r.column().name(), r.column().defaultSql());
        String def = defaultValue(all, to + 1, r.column().type());
        checkEnumValue(r.column(), value);
        return new SetDefault(r.table().name(), r.column().name(), def, r.column().defaultSql());
    }

    private void checkEnumValue(Catalog.Column column, Tok value) {
        catalog.findEnum(column.type()).ifPresent(e -> {
            if (!e.values().contains(value.text())) {
                throw refuse("'" + value.text() + "' is not a value of " + e.name().name(), Suggest.hint(value.text(), e.values(), "values"));
            }
        });
    }

    private ChangeRequest alterType(Words w) {
        List<Tok> all = w.all();
        String type = null;
        int typeAt = -1;
        for (int i = all.size() - 1; i >= 0; i--) {
            Tok t = all.get(i);
            if (t.word() && TypeWords.of(t.text()).isPresent() && !(t.is("number") && false)) { type = TypeWords.of(t.text()).get(); typeAt = i; break; }
        }
        if (type == null) {
            Tok last = all.get(all.size() - 1);
            throw refuse("unknown type: " + last.raw(), "use text, integer, bigint, numeric(p,s), boolean, date, timestamptz, uuid, jsonb, text[]");
        }
        ColRef r = columnRef(w, w.sub(0, typeAt));
        return new AlterColumnType(r.table().name(), r.column().name(), type, r.column().type());
    }

    private ChangeRequest rename(Words w) {
        List<Tok> all = w.all();
        int to = w.lastIndexOf("to");
        if (to < 0) to = w.lastIndexOf("as");
        if (to < 0 || to + 1 >= all.size()) throw refuse("rename to what?", "e.g. \"rename customers.full_name to display_name\"");
        String newName = Sql.checkIdentifier(all.get(to + 1).text());
        List<Tok> before = w.sub(0, to);
        boolean tableRename = before.stream().anyMatch(t -> t.is("table")) && before.stream().noneMatch(t -> t.is("column") || t.text().contains("."));
        if (!tableRename && before.stream().noneMatch(t -> t.text().contains(".") || t.is("column"))) {
            // "rename orders to purchases": one known table and nothing else
            long tables = before.stream().filter(t -> t.word() && catalog.findTable(t.text()).isPresent()).count();
            boolean colWord = before.stream().anyMatch(t -> t.word() && catalog.findTable(t.text()).isEmpty() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !RENAME.contains(t.text()));
            tableRename = tables == 1 && !colWord;
        }
        if (tableRename && before.stream().noneMatch(t -> t.is("table"))) {
            // "rename notes to memos": the notes table, or the notes column of a table that has one?
            Tok only = before.stream().filter(t -> t.word() && catalog.findTable(t.text()).isPresent()).findFirst().orElseThrow();
            Catalog.Table t = catalog.table(only.text());
            List<AmbiguousRequest.Reading> readings = new ArrayList<>();
            readings.add(new AmbiguousRequest.Reading("rename the table " + t.name().display() + " to " + newName, "rename table " + t.name().name() + " to " + newName));
            for (Catalog.Table o : columnOwners(only.text())) {
                String col = o.column(only.text()).map(Catalog.Column::name).orElse(Inflect.singular(only.text()));
                readings.add(new AmbiguousRequest.Reading("rename the column " + o.name().name() + "." + col + " to " + newName, "rename column " + o.name().name() + "." + col + " to " + newName));
            }
            if (readings.size() > 1) throw new AmbiguousRequest(w.source(), readings);
        }
        if (tableRename) {
            Tok tt = before.stream().filter(t -> t.word() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !RENAME.contains(t.text()))
                    .findFirst().orElseThrow(() -> refuse("rename which table?", "e.g. \"rename the temp_exports table to exports\""));
            Catalog.Table t = catalog.table(tt.text());
            if (catalog.findTable(newName).filter(x -> x.name().name().equals(newName)).isPresent()) throw refuse("table " + newName + " already exists", "pick another name");
            return new RenameTable(t.name(), newName);
        }
        ColRef r = columnRef(w, before);
        if (r.table().columns().containsKey(newName)) throw refuse("column " + newName + " already exists in " + r.table().name().display(), "pick another name");
        return new RenameColumn(r.table().name(), r.column().name(), newName);
    }

    private ChangeRequest foreignKey(Words w) {
        List<Tok> all = w.all();
        int arrow = -1;
        for (int i = 0; i < all.size(); i++) if (all.get(i).is("->", "references", "referencing", "to", "reference") && i > 0) { arrow = i; if (!all.get(i).is("to")) break; }
        if (arrow < 0) throw refuse("foreign key from what to what?", "e.g. \"add foreign key comments.post_id -> posts.id\"");
        List<Tok> left = w.sub(0, arrow);
        List<Tok> right = w.sub(arrow + 1, all.size());
        Tok target = right.stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("table")).findFirst()
                .orElseThrow(() -> refuse("references which table?", "e.g. \"comments.post_id references posts\""));
        String tname = target.text().contains(".") && catalog.findTable(target.text()).isEmpty() ? target.text().substring(0, target.text().indexOf('.')) : target.text();
        ColumnDef.ForeignRef ref = foreignRef(tname);
        if (target.text().contains(".") && catalog.findTable(target.text()).isEmpty()) {
            String rc = target.text().substring(target.text().indexOf('.') + 1);
            catalog.column(catalog.table(tname), rc);
            ref = new ColumnDef.ForeignRef(ref.table(), rc, ref.onDelete());
        }
        ColRef from;
        try {
            from = columnRef(w, left);
        } catch (PilotException e) {
            // "link comments to posts": the column is <singular target>_id
            Catalog.Table t = left.stream().filter(x -> x.word()).map(x -> catalog.findTable(x.text())).flatMap(Optional::stream).findFirst().orElseThrow(() -> e);
            String col = Inflect.singular(ref.table().name()) + "_id";
            from = new ColRef(t, catalog.column(t, col));
        }
        String table = from.table().name().name();
        String col = from.column().name();
        return new AddForeignKey(from.table().name(), col, ref.table(), ref.column(), "cascade",
                trim63(table + "_" + col + "_fkey"), indexName("idx", table, List.of(col)));
    }

    private ChangeRequest drop(Words w) {
        List<Tok> all = w.all();
        if (w.has("default")) {
            ColRef r = columnRef(w, all);
            return new DropDefault(r.table().name(), r.column().name(), r.column().defaultSql());
        }
        if (w.has("constraint") || w.has("check")) throw refuse("dropping constraints is not supported by plain-English requests yet", "write it with pgpilot new --empty NAME");
        for (Tok t : all) {
            if (t.word() && catalog.findIndex(t.text()).isPresent() && catalog.findTable(t.text()).isEmpty()) return dropIndex(w);
        }
        boolean sayTable = w.has("table");
        boolean sayColumn = w.has("column") || all.stream().anyMatch(t -> t.text().contains("."));
        if (sayTable && !sayColumn) {
            Tok tt = all.stream().filter(t -> t.word() && !DROP.contains(t.text()) && !FILLER.contains(t.text()) && !STOP.contains(t.text()))
                    .findFirst().orElseThrow(() -> refuse("drop which table?", "e.g. \"drop the temp_exports table\""));
            Catalog.Table t = catalog.table(tt.text());
            return new DropTable(t.name(), TableShape.rebuild(t));
        }
        List<Tok> named = all.stream().filter(t -> t.word() && !DROP.contains(t.text()) && !FILLER.contains(t.text()) && !STOP.contains(t.text())).toList();
        if (named.isEmpty()) throw refuse("drop what?", "name the column, table or index, e.g. \"remove column old_code from products\"");
        if (named.size() == 1) {
            // one bare name: the table it names, or the column of every table that has one by that name
            String word = named.get(0).text();
            Optional<Catalog.Table> asTable = sayColumn ? Optional.empty() : catalog.findTable(word);
            List<Catalog.Table> owners = columnOwners(word);
            List<AmbiguousRequest.Reading> readings = new ArrayList<>();
            asTable.ifPresent(t -> readings.add(new AmbiguousRequest.Reading("drop the table " + t.name().display() + " (and every row in it)", "drop table " + t.name().name())));
            for (Catalog.Table t : owners) {
                String col = t.column(word).map(Catalog.Column::name).orElse(Inflect.singular(word));
                readings.add(new AmbiguousRequest.Reading("drop the column " + t.name().name() + "." + col, "drop column " + t.name().name() + "." + col));
            }
            if (readings.size() > 1) throw new AmbiguousRequest(w.source(), readings);
            if (asTable.isPresent()) return new DropTable(asTable.get().name(), TableShape.rebuild(asTable.get()));
            if (owners.size() == 1) {
                Catalog.Table t = owners.get(0);
                return dropColumn(t, t.column(word).orElseGet(() -> catalog.column(t, Inflect.singular(word))));
            }
        }
        ColRef r = columnRef(w, all);
        return dropColumn(r.table(), r.column());
    }

    private static ChangeRequest dropColumn(Catalog.Table t, Catalog.Column c) {
        List<String> deps = t.indexes().stream().filter(i -> !i.constraint() && i.columns().contains(c.name()) && i.columns().size() == 1).map(Catalog.Index::definition).toList();
        return new DropColumn(t.name(), c.toDef(), deps);
    }

    /** Public tables with a column of this name (or its singular/plural). */
    private List<Catalog.Table> columnOwners(String word) {
        return catalog.tables().values().stream().filter(t -> t.name().schema().equals("public"))
                .filter(t -> Inflect.variants(word).stream().anyMatch(v -> t.columns().containsKey(v))).toList();
    }

    // ------------------------------------------------------------------ tables

    private List<ChangeRequest> createTable(Words w) {
        List<Tok> all = w.all();
        int tableAt = w.indexOfAny(Set.of("table", "tables"));
        int i = tableAt + 1;
        while (i < all.size() && all.get(i).is("called", "named", "for", ":")) { if (all.get(i).is("for")) break; i++; }
        // "create a wishlists table": name before the word table
        String name;
        if (i < all.size() && all.get(i).word() && !all.get(i).is("for", "with", "linking", "between", "having", "containing")) {
            name = all.get(i).text();
            i++;
        } else if (tableAt > 0 && all.get(tableAt - 1).word() && !FILLER.contains(all.get(tableAt - 1).text()) && !ADD.contains(all.get(tableAt - 1).text())
                && !all.get(tableAt - 1).is("join", "junction", "link", "linking", "pivot")) {
            name = all.get(tableAt - 1).text();
        } else {
            throw refuse("incomplete request: what is the table called?", "e.g. \"create table invoices with amount numeric(12,2)\"");
        }
        Sql.checkIdentifier(name);
        if (catalog.findTable(name).filter(t -> t.name().name().equals(name)).isPresent()) {
            throw refuse("table " + name + " already exists", "pick another name, or add columns to it: \"add x text to " + name + "\"");
        }
        QualifiedName q = QualifiedName.pub(name);
        List<ColumnDef> cols = new ArrayList<>();
        boolean junction = w.has("join") || w.has("junction") || w.has("pivot") || w.has("linking") || w.has("link") || w.has("between") && !w.has("with");
        if (junction) {
            List<ColumnDef.ForeignRef> linked = new ArrayList<>();
            for (int k = i; k < all.size(); k++) {
                Tok t = all.get(k);
                if (t.word() && !FILLER.contains(t.text()) && !STOP.contains(t.text()) && !t.is("linking", "between", "link", "connecting")) linked.add(foreignRef(t.text()));
            }
            if (linked.size() != 2) throw refuse("a join table links exactly two tables", "e.g. \"create a join table product_labels linking products and labels\"");
            for (ColumnDef.ForeignRef ref : linked) {
                String type = catalog.findTable(ref.table().display()).flatMap(t -> t.column(ref.column())).map(Catalog.Column::type).orElse("uuid");
                cols.add(new ColumnDef(Inflect.singular(ref.table().name()) + "_id", type, true, null, false, ref, null));
            }
            if (cols.get(0).name().equals(cols.get(1).name())) throw refuse("a join table of a table with itself needs column names", "create it with explicit columns");
            return List.of(new CreateTable(q, cols, true, null, !catalog.hasFunction("public.set_updated_at")));
        }
        if (i < all.size() && all.get(i).is("for")) {
            Tok parent = i + 1 < all.size() ? all.get(i + 1) : null;
            if (parent == null) throw refuse("for which table?", null);
            int p = i + 1;
            while (p < all.size() && FILLER.contains(all.get(p).text())) p++;
            Catalog.Table pt = catalog.table(all.get(p).text());
            ColumnDef.ForeignRef ref = foreignRef(pt.name().display());
            cols.add(new ColumnDef(Inflect.singular(pt.name().name()) + "_id", pt.column(ref.column()).map(Catalog.Column::type).orElse("uuid"), true, null, false, ref, null));
            i = p + 1;
        }
        while (i < all.size() && all.get(i).is("with", "having", "containing", "that", "has", "and", "columns", "fields", ":", "(")) i++;
        List<Tok> rest = w.sub(i, all.size());
        if (!rest.isEmpty() && rest.get(rest.size() - 1).is(")")) rest = rest.subList(0, rest.size() - 1);
        for (List<Tok> part : splitList(rest)) {
            ColumnDef c = columnSpec(part, q);
            if (Set.of("id", "created_at", "updated_at").contains(c.name())) continue;
            if (cols.stream().anyMatch(x -> x.name().equals(c.name()))) throw refuse("column " + c.name() + " named twice", null);
            if (OWNER_ID_NAMES.contains(c.name()) && c.references() == null && c.type().equals("uuid")) {
                cols.add(c.withReferences(new ColumnDef.ForeignRef(new QualifiedName("auth", "users"), "id", "cascade")).withNotNull(true));
            } else {
                cols.add(c);
            }
        }
        String owner = OwnerColumn.among(cols).orElse(null);
        return List.of(new CreateTable(q, cols, false, owner, !catalog.hasFunction("public.set_updated_at")));
    }

    /** Splits "a text, b int and c date" into column descriptions; "between 1 and 5" stays whole. */
    private static List<List<Tok>> splitList(List<Tok> toks) {
        List<List<Tok>> parts = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            boolean sep = t.is(",", ";") || (t.is("and") && !(i > 0 && toks.get(i - 1).kind() == Kind.NUMBER));
            if (sep) { if (!cur.isEmpty()) parts.add(cur); cur = new ArrayList<>(); continue; }
            cur.add(t);
        }
        if (!cur.isEmpty()) parts.add(cur);
        return parts;
    }

    // ------------------------------------------------------------------ indexes

    private ChangeRequest createIndex(Words w, boolean unique) {
        List<Tok> all = w.all();
        int where = w.indexOfAny(Set.of("where", "when", "if"));
        List<Tok> head = where < 0 ? all : w.sub(0, where);
        Catalog.Table table = null;
        for (Tok t : head) {
            if (!t.word()) continue;
            String word = t.text().contains(".") ? t.text().substring(0, t.text().indexOf('.')) : t.text();
            Optional<Catalog.Table> ct = catalog.findTable(word);
            if (ct.isPresent()) { table = ct.get(); break; }
        }
        if (table == null) {
            Tok guess = head.stream().filter(t -> t.word() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !ADD.contains(t.text())
                    && !t.is("index", "composite", "gin", "full", "text", "full-text", "fulltext", "btree", "speed", "up", "lookups", "search", "only", "multi-column")).findFirst().orElse(null);
            if (guess == null) throw refuse("index which table?", "e.g. \"index orders on status\"");
            catalog.table(guess.text());
        }
        List<String> cols = new ArrayList<>();
        for (Tok t : head) {
            if (!t.word()) continue;
            String c = t.text().startsWith(table.name().name() + ".") ? t.text().substring(t.text().indexOf('.') + 1) : t.text();
            if (table.columns().containsKey(c) && !cols.contains(c) && !catalog.findTable(c).isPresent()) cols.add(c);
        }
        if (cols.isEmpty()) {
            Catalog.Table tt = table;
            Tok guess = head.stream().filter(t -> t.word() && catalog.findTable(t.text()).isEmpty() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !ADD.contains(t.text())
                    && !t.is("index", "composite", "gin", "full", "text", "full-text", "fulltext", "btree", "speed", "up", "lookups", "search", "only", "orders", "multi-column")).findFirst().orElse(null);
            if (guess == null) throw refuse("index " + table.name().name() + " on which column?", "e.g. \"index orders on status\"");
            throw refuse("unknown column " + guess.text() + " in table " + tt.name().display(), Suggest.hint(guess.text(), tt.columns().keySet(), "columns of " + tt.name().name()));
        }
        boolean fullText = w.has("gin") || w.has("full-text") || w.has("fulltext") || w.phrase("full", "text") || w.has("search");
        String predicate = where < 0 ? null : predicate(table, w.sub(where + 1, all.size()));
        String prefix = fullText ? "idx_fts" : unique ? "uq" : "idx";
        String name = indexName(prefix, table.name().name(), cols);
        if (predicate != null) name = trim63(name + "_partial");
        return new CreateIndex(table.name(), name, List.copyOf(cols), unique, predicate, fullText);
    }

    /** "status is 'paid'", "deleted_at is null", "published", "amount > 100" → SQL with quoted parts only. */
    String predicate(Catalog.Table table, List<Tok> toks) {
        List<String> parts = new ArrayList<>();
        for (List<Tok> clause : splitAnd(toks)) {
            Tok colTok = clause.stream().filter(t -> t.word() && table.columns().containsKey(t.text())).findFirst()
                    .orElseThrow(() -> refuse("condition names no column of " + table.name().display() + ": " + raw(clause), Suggest.hint(
                            clause.stream().filter(Tok::word).map(Tok::text).findFirst().orElse(""), table.columns().keySet(), "columns")));
            Catalog.Column col = table.columns().get(colTok.text());
            String c = Sql.ident(col.name());
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
            String v = val.kind() == Kind.NUMBER ? val.text() : val.is("true", "false") && val.kind() == Kind.WORD ? val.text() : Sql.literal(val.text());
            if (val.kind() == Kind.QUOTED) checkEnumValue(col, val);
            parts.add(c + op + v);
        }
        if (parts.isEmpty()) throw refuse("empty condition", "e.g. where status is 'paid'");
        return String.join(" and ", parts);
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

    private ChangeRequest dropIndex(Words w) {
        for (Tok t : w.all()) {
            if (!t.word()) continue;
            Optional<Catalog.Index> i = catalog.findIndex(t.text());
            if (i.isPresent()) {
                if (i.get().constraint()) throw refuse("index " + t.text() + " belongs to a constraint", "drop the constraint instead");
                return new DropIndex(i.get().name(), i.get().definition());
            }
        }
        Tok guess = w.all().stream().filter(t -> t.word() && !DROP.contains(t.text()) && !FILLER.contains(t.text()) && !t.is("index", "on", "from")).findFirst()
                .orElseThrow(() -> refuse("drop which index?", "e.g. \"drop the idx_products_old_code index\""));
        throw refuse("unknown index: " + guess.text(), Suggest.hint(guess.text(), catalog.indexNames(), "indexes"));
    }

    // ------------------------------------------------------------------ enums

    private ChangeRequest createEnum(Words w) {
        List<Tok> all = w.all();
        int at = w.indexOfAny(Set.of("enum", "type"));
        int i = at + 1;
        while (i < all.size() && all.get(i).is("called", "named", "type", ":")) i++;
        if (i >= all.size() || !all.get(i).word()) throw refuse("incomplete request: what is the enum called?", "e.g. \"create an enum payment_method with card, cash\"");
        String name = Sql.checkIdentifier(all.get(i).text());
        List<String> values = new ArrayList<>();
        for (int k = i + 1; k < all.size(); k++) {
            Tok t = all.get(k);
            if (t.kind() == Kind.QUOTED || (t.word() && !t.is("with", "values", "of", "and", "or", "as", "enum", "containing", "having", "options"))) {
                String v = t.kind() == Kind.QUOTED ? t.text() : t.raw();
                if (v.isEmpty() || v.length() > 63) throw refuse("bad enum value: " + t.raw(), "values are 1 to 63 characters");
                if (!values.contains(v)) values.add(v);
            }
        }
        if (values.isEmpty()) throw refuse("incomplete request: which values?", "e.g. \"create an enum " + name + " with a, b, c\"");
        return new CreateEnum(QualifiedName.pub(name), values);
    }

    private Optional<Catalog.EnumType> enumTarget(Words w) {
        int to = w.lastIndexOf("to");
        if (to < 0) {
            // "order_status should include cancelled"
            return w.first().word() && w.any(Set.of("include", "includes", "allow", "support")) ? catalog.findEnum(w.first().text()) : Optional.empty();
        }
        return w.sub(to + 1, w.size()).stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("enum", "type"))
                .findFirst().flatMap(t -> catalog.findEnum(t.text()));
    }

    private ChangeRequest addEnumValue(Words w, Catalog.EnumType e) {
        int to = w.lastIndexOf("to");
        if (to < 0) {
            int verb = w.indexOfAny(Set.of("include", "includes", "allow", "support"));
            Tok v = w.sub(verb + 1, w.size()).stream().filter(t -> t.kind() == Kind.QUOTED || t.word() && !FILLER.contains(t.text()) && !t.is("value", "the"))
                    .findFirst().orElseThrow(() -> refuse("add which value to " + e.name().name() + "?", null));
            String value = v.kind() == Kind.QUOTED ? v.text() : v.raw();
            return new AddEnumValue(e.name(), value);
        }
        Tok v = w.sub(0, to).stream().filter(t -> t.kind() == Kind.QUOTED).findFirst()
                .or(() -> w.sub(0, to).stream().filter(t -> t.word() && !ADD.contains(t.text()) && !FILLER.contains(t.text()) && !t.is("value", "option", "status", "to", "include", "allow", "extend", "support")).reduce((a, b) -> b))
                .orElseThrow(() -> refuse("add which value to " + e.name().name() + "?", "e.g. \"add 'refunded' to " + e.name().name() + "\""));
        String value = v.kind() == Kind.QUOTED ? v.text() : v.raw();
        if (value.isEmpty() || value.length() > 63) throw refuse("bad enum value: " + v.raw(), "values are 1 to 63 characters");
        return new AddEnumValue(e.name(), value);
    }

    // ------------------------------------------------------------------ RLS, policies, triggers

    private ChangeRequest enableRls(Words w) {
        Catalog.Table t = lastTable(w, w.all());
        if (w.any(Set.of("disable", "off")) || w.phrase("turn", "off")) throw refuse("turning RLS off is not generated from plain English", "it exposes every row; write it by hand if you mean it");
        return new EnableRls(t.name());
    }

    Catalog.Table lastTable(Words w, List<Tok> scope) {
        Catalog.Table found = null;
        for (Tok t : scope) {
            if (t.word()) {
                Optional<Catalog.Table> ct = catalog.findTable(t.text());
                if (ct.isPresent()) found = ct.get();
            }
        }
        if (found != null) return found;
        Tok guess = scope.stream().filter(t -> t.word() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !PolicyPhrases.WORDS.contains(t.text())
                && !t.is("rls", "row", "level", "security", "enable", "turn", "trigger", "updated_at", "add", "their", "own")).reduce((a, b) -> b)
                .orElseThrow(() -> refuse("which table?", "name the table, e.g. \"... on orders\""));
        return catalog.table(guess.text());
    }

    private List<ChangeRequest> trigger(Words w) {
        Catalog.Table t = lastTable(w, w.all());
        List<ChangeRequest> out = new ArrayList<>();
        boolean fn = !catalog.hasFunction("public.set_updated_at");
        if (!t.columns().containsKey("updated_at")) {
            out.add(new AddColumn(t.name(), new ColumnDef("updated_at", "timestamptz", true, "now()", false, null, null)));
        }
        out.add(new AddUpdatedAtTrigger(t.name(), fn));
        return out;
    }

    private List<ChangeRequest> timestamps(Words w) {
        Catalog.Table t = lastTable(w, w.all());
        List<ChangeRequest> out = new ArrayList<>();
        for (String c : List.of("created_at", "updated_at")) {
            if (!t.columns().containsKey(c)) out.add(new AddColumn(t.name(), new ColumnDef(c, "timestamptz", true, "now()", false, null, null)));
        }
        if (out.isEmpty()) throw refuse(t.name().display() + " already has created_at and updated_at", null);
        out.add(new AddUpdatedAtTrigger(t.name(), !catalog.hasFunction("public.set_updated_at")));
        return out;
    }

    // ------------------------------------------------------------------ storage, comments

    private ChangeRequest bucket(Words w) {
        List<Tok> all = w.all();
        if (w.any(DROP)) throw refuse("deleting buckets is not generated from plain English", "it deletes files; do it in the Supabase dashboard");
        int at = w.indexOfAny(Set.of("bucket"));
        String id = null;
        for (int i = at + 1; i < all.size() && id == null; i++) {
            Tok t = all.get(i);
            if (t.is("called", "named", "for", "with", "of", "a")) continue;
            if (t.kind() == Kind.QUOTED || t.word()) id = t.kind() == Kind.QUOTED ? t.text() : t.raw();
        }
        if (id == null) {
            for (int i = at - 1; i >= 0 && id == null; i--) {
                Tok t = all.get(i);
                if (t.word() && !t.is("public", "private", "storage", "a", "an", "new", "the") && !ADD.contains(t.text())) id = t.raw();
            }
        }
        if (id == null) throw refuse("incomplete request: what is the bucket called?", "e.g. \"create a public storage bucket avatars\"");
        if (!id.matches("^[a-z0-9][a-z0-9._-]{1,62}$")) throw refuse("not a valid bucket name: " + Sql.oneLine(id), "use lower-case letters, digits, - . _");
        boolean pub = w.has("public") && !w.has("private");
        Long limit = null;
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).kind() == Kind.NUMBER) {
                String unit = all.get(i + 1).text();
                long mult = switch (unit) { case "kb", "k" -> 1024L; case "mb", "m", "megabytes" -> 1024L * 1024; case "gb", "g", "gigabytes" -> 1024L * 1024 * 1024; case "bytes", "b" -> 1L; default -> 0L; };
                if (mult > 0) limit = Math.round(Double.parseDouble(all.get(i).text()) * mult);
            }
        }
        Set<String> mimes = new LinkedHashSet<>();
        for (Tok t : all) {
            String m = switch (Inflect.singular(t.text())) {
                case "pdf" -> "application/pdf";
                case "image", "picture", "photo" -> "image/*";
                case "png" -> "image/png";
                case "jpeg", "jpg" -> "image/jpeg";
                case "gif" -> "image/gif";
                case "webp" -> "image/webp";
                case "svg" -> "image/svg+xml";
                case "csv" -> "text/csv";
                case "video" -> "video/*";
                case "audio" -> "audio/*";
                case "zip" -> "application/zip";
                case "json" -> "application/json";
                default -> null;
            };
            if (m != null && !t.raw().equals(id)) mimes.add(m);
            if (t.kind() == Kind.WORD && t.raw().matches("^[a-z]+/[a-z0-9.+*-]+$")) mimes.add(t.raw());
        }
        return new CreateBucket(id, pub, limit, List.copyOf(mimes));
    }

    private ChangeRequest comment(Words w) {
        List<Tok> all = w.all();
        String raw = w.source();
        int colon = raw.indexOf(':');
        String text;
        List<Tok> target;
        Optional<Tok> quoted = all.stream().filter(t -> t.kind() == Kind.QUOTED).reduce((a, b) -> b);
        if (colon >= 0) {
            text = raw.substring(colon + 1).strip();
            if (text.length() > 1 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))) text = text.substring(1, text.length() - 1);
            target = Lexer.lex(raw.substring(0, colon));
        } else if (quoted.isPresent()) {
            text = quoted.get().text();
            target = all.subList(0, all.indexOf(quoted.get()));
        } else {
            throw refuse("comment with what text?", "e.g. \"comment on table orders: Customer orders\"");
        }
        if (text.isBlank()) throw refuse("empty comment text", "e.g. \"comment on table orders: Customer orders\"");
        boolean column = target.stream().anyMatch(t -> t.is("column") || t.text().contains("."));
        if (column) {
            ColRef r = columnRef(w, target);
            return new Comment(r.table().name(), r.column().name(), text, null);
        }
        Catalog.Table t = lastTable(w, target);
        return new Comment(t.name(), null, text, t.comment());
    }

    // ------------------------------------------------------------------ helpers

    private Catalog.Table tableOrRefuse(List<Tok> words, Words w) {
        for (Tok t : words) if (catalog.findTable(t.text()).isPresent()) return catalog.findTable(t.text()).get();
        Tok guess = words.stream().filter(t -> !FILLER.contains(t.text())).findFirst()
                .orElseThrow(() -> refuse("which table?", "e.g. \"orders need a tracking_number\""));
        return catalog.table(guess.text());
    }

    static String indexName(String prefix, String table, List<String> cols) {
        return trim63(prefix + "_" + table + "_" + String.join("_", cols));
    }

    static String trim63(String n) {
        return n.length() <= 63 ? n : n.substring(0, 63);
    }

    private static String raw(List<Tok> toks) {
        return String.join(" ", toks.stream().map(Tok::raw).toList());
    }

    static PilotException refuse(String message, String hint) {
        return PilotException.refused(message, hint);
    }

    /** The request's tokens with small look-up helpers. */
    static final class Words {
        private final List<Tok> toks;
        private final String source;

        Words(List<Tok> toks, String source) {
            this.toks = toks;
            this.source = source;
        }

        /** The request as written (one line). */
        String source() { return source; }

        String text() { return raw(toks); }
        List<Tok> all() { return toks; }
        int size() { return toks.size(); }
        Tok tok(int i) { return toks.get(i); }
        Tok first() { return toks.isEmpty() ? new Tok(Kind.SYMBOL, "", "") : toks.get(0); }
        /** Tokens from..to, clamped; empty when the two are crossed (the words came in another order than the caller expected). */
        List<Tok> sub(int from, int to) {
            int a = Math.max(0, Math.min(from, toks.size()));
            int b = Math.max(0, Math.min(to, toks.size()));
            return a <= b ? toks.subList(a, b) : List.of();
        }
        boolean has(String word) { return toks.stream().anyMatch(t -> t.text().equals(word) && t.kind() != Kind.QUOTED); }
        boolean any(Set<String> words) { return toks.stream().anyMatch(t -> t.kind() != Kind.QUOTED && words.contains(t.text())); }
        boolean hasType() { return toks.stream().anyMatch(t -> t.word() && TypeWords.isTypeWord(t.text())); }
        Optional<Tok> dotted() { return toks.stream().filter(t -> t.word() && t.text().contains(".")).findFirst(); }

        boolean phrase(String... words) {
            outer:
            for (int i = 0; i + words.length <= toks.size(); i++) {
                for (int j = 0; j < words.length; j++) if (!toks.get(i + j).text().equals(words[j]) || toks.get(i + j).kind() == Kind.QUOTED) continue outer;
                return true;
            }
            return false;
        }

        int indexOfAny(Set<String> words) {
            for (int i = 0; i < toks.size(); i++) if (toks.get(i).kind() != Kind.QUOTED && words.contains(toks.get(i).text())) return i;
            return -1;
        }

        int lastIndexOf(String word) {
            for (int i = toks.size() - 1; i >= 0; i--) if (toks.get(i).kind() != Kind.QUOTED && toks.get(i).text().equals(word)) return i;
            return -1;
        }

        int indexOf(Tok t, int from) {
            for (int i = from; i < toks.size(); i++) if (toks.get(i) == t) return i;
            return -1;
        }

        Optional<String> lastWordAfter(String word) {
            int i = lastIndexOf(word);
            return i < 0 || i + 1 >= toks.size() ? Optional.empty() : Optional.of(toks.get(i + 1).text());
        }

        List<Tok> wordsBetween(int from, int to) {
            return sub(from, to).stream().filter(Tok::word).toList();
        }

        List<Catalog.Table> tables(Catalog c) {
            return toks.stream().filter(Tok::word).map(t -> c.findTable(t.text())).flatMap(Optional::stream).toList();
        }
    }
}
