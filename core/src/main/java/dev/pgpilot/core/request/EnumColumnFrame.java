package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import dev.pgpilot.core.request.ChangeRequest.CreateEnum;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A new column whose values the request lists: "give gym_members a tier column which can be basic,
 * plus or premium", "visits need an outcome column: fixed, needs follow-up or no access",
 * "profiles need a tier column, a new enum with basic, student and senior", "add kind label_kind
 * to labels, where label_kind is a new enum of bug, feature, chore". Slots table, column, values
 * (labels as written, spaces and hyphens kept) and the enum's name: the one the request gives,
 * else the table in the singular and the column (menu_item_course), which the migration's name says.
 */
record EnumColumnFrame(Slots slots) implements Frame {
    /** Words in a value that say something about the column, not a value of it. */
    private static final Set<String> NOT_A_VALUE = Set.of("default", "defaults", "required", "null", "unique", "not", "mandatory", "optional", "column", "enum", "type");

    /** Where each slot is: the column name's token, the enum name given (or null), the first value token. */
    private record Shape(int column, String enumName, int values) {}

    @Override
    public boolean fits(Words w) {
        return shape(w.all()) != null;
    }

    private Shape shape(List<Tok> all) {
        for (int i = 0; i + 4 < all.size(); i++) {
            // "where label_kind is a new enum of ...": the enum is named, the column is the word before that name
            if (all.get(i).is("where") && all.get(i + 1).word() && all.get(i + 2).is("is")) {
                int e = enumWord(all, i + 3);
                if (e < 0) continue;
                String name = all.get(i + 1).text();
                for (int k = 1; k < i; k++) if (all.get(k).is(name) && all.get(k - 1).word()) return new Shape(k - 1, name, values(all, e + 1));
            }
        }
        int col = -1;
        for (int i = 1; i < all.size(); i++) if (all.get(i).word() && all.get(i).is("column") && all.get(i - 1).word()) { col = i - 1; break; }
        if (col < 0) return null;
        int i = col + 2;
        boolean colon = i < all.size() && all.get(i).is(":") && all.get(i).kind() == Kind.SYMBOL;
        if (i < all.size() && all.get(i).kind() == Kind.SYMBOL && all.get(i).is(":", ",")) i++;
        // "a tier column, a new enum with ...", "a course column: an enum of ..."
        int e = enumWord(all, i);
        if (e >= 0) return new Shape(col, null, values(all, e + 1));
        if (colon) return new Shape(col, null, i);
        // "which can be", "that can be", "can be", "that is one of", "either"
        if (i < all.size() && all.get(i).is("which", "that")) i++;
        if (i + 1 < all.size() && all.get(i).is("can", "could", "may") && all.get(i + 1).is("be")) return new Shape(col, null, oneOf(all, i + 2));
        if (i + 1 < all.size() && all.get(i).is("is") && all.get(i + 1).is("one", "either")) return new Shape(col, null, oneOf(all, i + 1));
        if (i < all.size() && all.get(i).is("either")) return new Shape(col, null, i + 1);
        return null;
    }

    /** "one of", "either": past them. */
    private static int oneOf(List<Tok> all, int i) {
        if (i + 1 < all.size() && all.get(i).is("one") && all.get(i + 1).is("of")) return i + 2;
        if (i < all.size() && all.get(i).is("either")) return i + 1;
        return i;
    }

    /** "a new enum with|of", "an enum of": the index of "with"/"of", or -1. */
    private static int enumWord(List<Tok> all, int i) {
        int k = i;
        while (k < all.size() && all.get(k).is("a", "an", "new")) k++;
        if (k + 1 < all.size() && all.get(k).is("enum") && all.get(k + 1).is("with", "of")) return k + 1;
        return -1;
    }

    private static int values(List<Tok> all, int i) {
        return i < all.size() && all.get(i).is("values") ? i + 1 : i;
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        Shape s = shape(all);
        Catalog.Table t = table(all.subList(0, s.column())).or(() -> table(all.subList(s.column() + 1, s.values())))
                .orElseThrow(() -> refuse("which table gets the " + all.get(s.column()).text() + " column?", "e.g. \"give orders a size column which can be small, medium or large\""));
        String column = Quote.checkIdentifier(all.get(s.column()).text());
        List<String> values = values(all.subList(s.values(), all.size()), column);
        if (values.size() < 2) throw refuse("which values can " + t.name().name() + "." + column + " hold?", "list two or more: \"... which can be small, medium or large\"");
        String name = s.enumName() != null ? Quote.checkIdentifier(s.enumName()) : Inflect.singular(t.name().name()) + "_" + column;
        if (name.length() > 63) throw refuse("enum name too long: " + name, "name it: \"..., where " + column + "_kind is a new enum of ...\"");
        QualifiedName type = QualifiedName.pub(name);
        return List.of(new CreateEnum(type, values), new AddColumn(t.name(), ColumnDef.of(column, type.sql())));
    }

    /** The table one word or two ("menu items" for menu_items) name. */
    private Optional<Catalog.Table> table(List<Tok> scope) {
        for (int i = 0; i < scope.size(); i++) {
            if (!scope.get(i).word()) continue;
            Optional<Catalog.Table> one = slots.catalog().findTable(scope.get(i).text());
            if (one.isEmpty() && i + 1 < scope.size() && scope.get(i + 1).word()) one = slots.catalog().findTable(scope.get(i).text() + "_" + scope.get(i + 1).text());
            if (one.isPresent()) return one;
        }
        return Optional.empty();
    }

    /** Values as written between commas, "or" and "and": "needs follow-up" is one value. */
    private static List<String> values(List<Tok> toks, String column) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (Tok t : toks) {
            boolean separator = t.kind() == Kind.SYMBOL && t.is(",") || t.word() && t.is("or", "and");
            if (separator) {
                if (!cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            if (t.kind() == Kind.SYMBOL && !t.is("-", "+")) throw refuse("did not understand \"" + t.raw() + "\" among the values of " + column, "list the values with commas: \"a, b or c\"");
            if (t.word() && NOT_A_VALUE.contains(t.text())) throw refuse("did not understand \"" + t.raw() + "\" among the values of " + column,
                    "list only the values here, and ask for the default or other settings separately");
            String v = t.kind() == Kind.QUOTED ? t.text() : t.raw();
            if (t.kind() == Kind.SYMBOL) cur.append(v);
            else cur.append(cur.isEmpty() ? "" : " ").append(v);
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        for (String v : out) if (v.length() > 63) throw refuse("bad enum value: " + v, "values are 1 to 63 characters");
        return out.stream().distinct().toList();
    }
}
