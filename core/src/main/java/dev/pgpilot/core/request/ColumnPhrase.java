package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One column description ("a nullable text column nickname", "amount numeric(12,2) not null",
 * "status of type task_status default 'todo'", "customer_id referencing customers") read into
 * slots: name, type, null-ness, unique, default, reference. Every token lands in a slot or is a
 * known function word; anything else is refused by name, so a type or a modifier is never glued
 * into the column's name and never dropped.
 */
final class ColumnPhrase {
    /** Words that only connect the slots. */
    private static final Set<String> FUNCTION = Set.of("a", "an", "the", "new", "column", "field", "attribute", "property", "called", "named",
            "with", "that", "which", "is", "it", "its", "also", "some", "please", "of", "as", "and", "their", "our", "my", "to", "value", "values",
            "holding", "storing", "containing", "column:", "field:", "col", "too");

    /**
     * Words that never belong in a column's name: each asks for something a column description
     * cannot say, so a request using them must be refused rather than have them glued or dropped.
     */
    /** Words that open a phrase of their own after a column's description: the phrase is what was not understood. */
    private static final Set<String> CONNECTIVES = Set.of("for", "but", "so", "because", "since", "unless", "except", "only", "while", "although", "though");
    private static final Set<String> NEVER_NAME = Set.of("per", "descending", "ascending", "asc", "desc", "where", "when", "whose", "if",
            "unless", "each", "every", "all", "for", "so", "because", "since", "by", "from", "on", "in", "into", "than", "between", "at",
            "least", "most", "only", "before", "after", "but", "or", "not", "no", "without", "except", "like", "must", "should", "can",
            "will", "would", "could", "cannot", "index", "indexed", "sorted", "ordered", "foreign", "key", "primary", "check", "constraint",
            "greater", "less", "positive", "negative", "non-negative", "cascade", "restrict", "rows", "row", "records", "delete", "drop", "remove",
            // vague words name nothing: "and also something else" is not a column called something_else
            "something", "else", "stuff", "thing", "things", "whatever", "etc", "misc", "anything", "other", "others", "more",
            // words that start another clause or name who may do something: "..., then let everyone read badges"
            // is a second change, never a column called then_let_everyone_read_badges
            "then", "let", "lets", "allow", "allows", "everyone", "everybody", "anyone", "anybody", "nobody", "nothing");

    /**
     * A name glued from more words than this is a sentence, not a column ("then let everyone read
     * badges"): refused so the user writes the name with underscores or splits the request.
     */
    private static final int MAX_NAME_WORDS = 3;

    /** Type words that are also the last word of everyday column names ("tracking number", "due date", "start time"). */
    private static final Set<String> NAME_SUFFIX_TYPES = Set.of("number", "date", "time");

    /**
     * Geometric type names are everyday nouns that end column names ("meeting point", "file path",
     * "address line", "mail box"): read like "date" and "time" after a name, but when they join the
     * name the column's type comes from the name, never the geometric type nobody meant.
     */
    private static final Set<String> NOUN_TYPES = Set.of("point", "line", "lseg", "box", "path", "polygon", "circle");

    /**
     * Stands where the frame cut the table phrase out of the request ("add X to skills list"): a
     * word after it can describe the column (not null, a default) but never join its name, which
     * ended before the table was named.
     */
    static Tok tableNamedHere(Tok table) {
        return new Tok(Kind.SYMBOL, TABLE_NAMED_HERE, table.raw());
    }

    private static final String TABLE_NAMED_HERE = "<table>";

    /**
     * "date" and "time" after a name are a type as often as a name's last word: "a due date" is the
     * column due_date, "birthday date" in the "name type" form is the column birthday of type date.
     * After an article the phrase is a noun ("a due date"); without one both readings are asked.
     * "number" is never a column type people mean ("phone number"), so it always joins the name.
     */
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    /** A quoted word that can be a column's name as written. */
    private static final java.util.regex.Pattern QUOTED_NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Catalog catalog;
    private final TypeLinker types;
    private final ForeignTargets targets;

    ColumnPhrase(Catalog catalog) {
        this.catalog = catalog;
        this.types = new TypeLinker(catalog);
        this.targets = new ForeignTargets(catalog);
    }

    /** The column, with {@code primaryKey} set when the description says "primary key". */
    record Parsed(ColumnDef column, boolean primaryKey) {}

    Parsed parse(List<Tok> described) {
        List<Tok> part = ColumnTail.normalize(described);
        List<String> name = new ArrayList<>();
        boolean nameClosed = false;
        String type = null, suffixType = null, def = null;
        Boolean notNull = null;
        boolean unique = false, primaryKey = false, noDefault = false;
        ColumnDef.ForeignRef ref = null;
        boolean article = false;
        for (int i = 0; i < part.size(); i++) {
            Tok t = part.get(i);
            if (name.isEmpty() && t.word() && ARTICLES.contains(t.text())) article = true;
            if (t.kind() == Kind.SYMBOL && t.is("(", ")", ":", "?")) continue;
            if (t.kind() == Kind.SYMBOL && t.is(TABLE_NAMED_HERE)) { if (!name.isEmpty()) nameClosed = true; continue; }
            if (t.is("not") && next(part, i + 1, "null")) { notNull = bool(notNull, true, t); i++; continue; }
            if (t.is("can", "may") && next(part, i + 1, "be") && next(part, i + 2, "null", "empty", "blank", "missing")) { notNull = bool(notNull, false, t); i += 2; continue; }
            if (t.is("required", "mandatory", "non-null", "non-nullable")) { notNull = bool(notNull, true, t); continue; }
            if (t.is("nullable", "optional", "null")) { notNull = bool(notNull, false, t); continue; }
            if (t.is("unique")) { unique = true; continue; }
            if (t.is("primary") && next(part, i + 1, "key")) { primaryKey = true; i++; continue; }
            if (t.is("no", "without") && (next(part, i + 1, "default") || next(part, i + 1, "a") && next(part, i + 2, "default"))) {
                // "nullable, no default": said so that none is added
                if (def != null) throw refuse("a default and \"" + t.raw() + " default\" for one column", "say one of them");
                noDefault = true;
                i += next(part, i + 1, "a") ? 2 : 1;
                continue;
            }
            if (t.is("counter") && !name.isEmpty() && !nameClosed && type == null) {
                // "a views counter", "a login counter": a count of the name, an integer (its start is said as a default)
                type = "integer";
                nameClosed = true;
                continue;
            }
            if (t.is("but") && !name.isEmpty() && i + 1 < part.size() && part.get(i + 1).word() && MODIFIERS.contains(part.get(i + 1).text())) continue; // "not null but defaulting to 'gray'"
            if (t.is("called", "named") && name.isEmpty() && literalName(part, i + 1)) {
                // "a column named type", "a column called date": the word after is the name, even when it is a type or a keyword
                name.add(part.get(i + 1).text());
                nameClosed = true;
                i++;
                continue;
            }
            if (t.is("default", "defaulting", "defaults")) {
                if (noDefault) throw refuse("a default and \"no default\" for one column", "say one of them");
                int j = i + 1;
                while (j < part.size() && part.get(j).is("to", "of", "is", "=", "value", "as", TABLE_NAMED_HERE)) j++;
                if (j >= part.size()) throw refuse("default without a value", "e.g. \"... defaulting to false\"");
                DefaultValue.Match m = DefaultValue.at(part, j, type);
                def = m.sql();
                i = j + m.length() - 1;
                continue;
            }
            if (t.is("references", "referencing", "refs", "pointing", "linked", "linking")) {
                int j = i + 1;
                while (j < part.size() && part.get(j).is("to", "the", "a", "table")) j++;
                if (j >= part.size()) throw refuse("references what?", "e.g. \"customer_id referencing customers\"");
                ref = targets.of(part.get(j).text());
                i = j;
                if (next(part, i + 1, "(") && i + 3 < part.size() && part.get(i + 3).is(")")) {
                    String col = part.get(i + 2).text();
                    catalog.findTable(ref.table().display()).ifPresent(rt -> catalog.column(rt, col));
                    ref = new ColumnDef.ForeignRef(ref.table(), col, ref.onDelete());
                    i += 3;
                }
                continue;
            }
            if (t.is("on") && next(part, i + 1, "delete")) {
                if (ref == null) throw refuse("\"on delete\" without a reference", "e.g. \"customer_id references customers on delete cascade\"");
                int[] used = new int[1];
                ref = new ColumnDef.ForeignRef(ref.table(), ref.column(), onDelete(part, i + 2, used));
                i += 1 + used[0];
                continue;
            }
            if ((t.is("type", "typed") || t.is("of") && next(part, i + 1, "type")) && type == null) {
                int j = t.is("of") ? i + 2 : i + 1;
                if (j >= part.size()) throw refuse("type of what?", "e.g. \"status of type task_status\"");
                TypeLinker.Match m = types.at(part, j).orElseThrow(() -> types.unknown(part.get(j).text()));
                type = m.sql();
                i = j + m.length() - 1;
                continue;
            }
            if (t.is("array", "list") && next(part, i + 1, "of") && i + 2 < part.size() && type == null && types.at(part, i).isEmpty()) {
                throw refuse("unknown type: array of " + part.get(i + 2).text(), "e.g. array of text");
            }
            Optional<TypeLinker.Match> typed = t.word() ? types.at(part, i) : Optional.empty();
            if (typed.isPresent()) {
                boolean suffix = NAME_SUFFIX_TYPES.contains(t.text()) || NOUN_TYPES.contains(t.text());
                if (!name.isEmpty() && !nameClosed && suffix && type == null && name.stream().noneMatch(n -> n.contains("_"))) {
                    // "pickup point text": a type after the word says the word was the name's end
                    boolean typeFollows = i + 1 < part.size() && types.at(part, i + 1).isPresent();
                    if (!article && !t.is("number") && !typeFollows) throw new ColumnNameReadings(List.copyOf(name), t.text(), typed.get().sql());
                    name.add(t.text());
                    if (NAME_SUFFIX_TYPES.contains(t.text()) && !t.is("number")) suffixType = typed.get().sql();
                    continue;
                }
                if (type != null) throw refuse("two types for one column: " + type + " and " + typed.get().sql(), "give the column one type");
                type = typed.get().sql();
                i += typed.get().length() - 1;
                if (!name.isEmpty()) nameClosed = true;
                continue;
            }
            if (t.word() && (types.missingExtensionType(t.text()) || TypeWords.UNSUPPORTED.contains(t.text())) && !name.isEmpty()) throw types.unknown(t.text());
            if (t.word() && FUNCTION.contains(t.text())) { if (!name.isEmpty()) nameClosed = true; continue; }
            if (t.kind() == Kind.WORD && t.raw().contains(".") && !t.text().contains(".") && name.isEmpty()) {
                // the column of a written table.column ("add labels.color varchar(7)"): that name is whole, no later word joins it
                name.add(t.text());
                nameClosed = true;
                continue;
            }
            if (t.kind() == Kind.QUOTED && name.isEmpty() && QUOTED_NAME.matcher(t.text()).matches()) {
                // "add a 'timezone' column": a quoted new name is that name, whole
                name.add(t.text());
                nameClosed = true;
                continue;
            }
            if (t.kind() != Kind.WORD || NEVER_NAME.contains(t.text()) || nameClosed || t.text().contains(".")) {
                // "for anon users", "but only for doctors": a connective opens the phrase not understood, and the phrase is what to name
                String what = t.word() && CONNECTIVES.contains(t.text()) ? Words.raw(part.subList(i, part.size())) : t.raw();
                throw refuse("did not understand \"" + what + "\" in the column description", "write: <name> <type> [not null] [unique] [default <value>] [references <table>]");
            }
            name.add(t.text());
        }
        if (name.isEmpty()) throw refuse("incomplete request: which column?", "e.g. \"add notes text to orders\"");
        if (name.size() > MAX_NAME_WORDS) {
            throw refuse("did not understand \"" + String.join(" ", name) + "\" as a column name",
                    "write a column name with underscores (e.g. " + String.join("_", name.subList(0, 2)) + "), one change per clause");
        }
        String colName = Quote.checkIdentifier(String.join("_", name));
        if (ref == null && colName.endsWith("_id") && type == null) {
            Optional<Catalog.Table> target = catalog.findTable(colName.substring(0, colName.length() - 3));
            if (target.isPresent()) ref = targets.of(target.get().name().display());
        }
        if (ref != null && type == null) type = targets.typeOf(ref);
        // no type named: the name's type ("seen_at"), else the default's ("created_by ... defaults to auth.uid()" is a uuid), else text
        if (type == null && suffixType == null && def != null && TypeWords.fromName(colName).equals("text")) type = DefaultValue.typeOf(def).orElse(null);
        if (type == null) type = suffixType != null ? suffixType : TypeWords.fromName(colName);
        if (def != null) {
            DefaultValue.fits(def, type);
            checkEnumDefault(type, def);
        }
        return new Parsed(new ColumnDef(colName, type, notNull != null && notNull, def, unique, ref, null), primaryKey);
    }

    /** Words that say how a column is, never what it is called. */
    private static final Set<String> MODIFIERS = Set.of("default", "defaulting", "defaults", "not", "null", "nullable", "optional", "required",
            "mandatory", "unique", "primary", "references", "referencing", "type", "typed", "of");

    /**
     * True when the word at {@code i} is a name only because "called"/"named" stands before it: a
     * type word or a modifier ("named type", "called date") that nothing after it continues. "called
     * due date" is read as usual, as the name due_date.
     */
    private boolean literalName(List<Tok> part, int i) {
        if (i >= part.size() || part.get(i).kind() != Kind.WORD || part.get(i).text().contains(".")) return false;
        Tok w = part.get(i);
        if (types.at(part, i).isEmpty() && !MODIFIERS.contains(w.text())) return false;
        if (i + 1 >= part.size()) return true;
        Tok after = part.get(i + 1);
        return after.kind() != Kind.WORD || FUNCTION.contains(after.text()) || MODIFIERS.contains(after.text()) || types.at(part, i + 1).isPresent();
    }

    /** A default of an enum column must be one of its values. */
    private void checkEnumDefault(String type, String def) {
        catalog.enumBySql(type).ifPresent(e -> {
            String v = def.startsWith("'") && def.endsWith("'") ? def.substring(1, def.length() - 1).replace("''", "'") : def;
            if (!e.values().contains(v)) throw refuse("'" + v + "' is not a value of " + e.name().name(), Suggest.hint(v, e.values(), "values"));
        });
    }

    private static String onDelete(List<Tok> part, int i, int[] used) {
        if (next(part, i, "cascade")) { used[0] = 1; return "cascade"; }
        if (next(part, i, "restrict")) { used[0] = 1; return "restrict"; }
        if (next(part, i, "set") && next(part, i + 1, "null")) { used[0] = 2; return "set null"; }
        if (next(part, i, "no") && next(part, i + 1, "action")) { used[0] = 2; return "no action"; }
        throw refuse("on delete what?", "on delete cascade, set null, restrict or no action");
    }

    private static Boolean bool(Boolean was, boolean now, Tok t) {
        if (was != null && was != now) throw refuse("a column cannot be both required and optional (\"" + t.raw() + "\")", "say one of them");
        return now;
    }

    private static boolean next(List<Tok> part, int i, String... words) {
        return i < part.size() && part.get(i).kind() != Kind.QUOTED && part.get(i).is(words);
    }

    private static PilotException refuse(String message, String hint) {
        return PilotException.refused(message, hint);
    }
}
