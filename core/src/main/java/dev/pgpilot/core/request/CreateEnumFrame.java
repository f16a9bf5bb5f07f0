package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.AlterColumnType;
import dev.pgpilot.core.request.ChangeRequest.CreateEnum;
import dev.pgpilot.core.request.ChangeRequest.DropDefault;
import dev.pgpilot.core.request.ChangeRequest.SetDefault;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "create an enum payment_method with card, cash", "new type mood as happy, sad", "create an enum
 * blood_type with A+, A-, O+", "... and use it for subscriptions.status": slots name, values and
 * the column that takes the new type (its default, a value of the enum, kept).
 */
record CreateEnumFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        return (w.has("enum") || w.phrase("type", "with") || w.phrase("type", "as")) && w.any(Set.of("create", "new", "define", "introduce", "make"));
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        int at = w.indexOfAny(Set.of("enum", "type"));
        int i = at + 1;
        while (i < all.size() && all.get(i).is("called", "named", "type", ":")) i++;
        if (i >= all.size() || !all.get(i).word()) throw refuse("incomplete request: what is the enum called?", "e.g. \"create an enum payment_method with card, cash\"");
        String name = Quote.checkIdentifier(all.get(i).text());
        int use = useIt(all, i + 1);
        List<String> values = new ArrayList<>();
        boolean commas = all.subList(i + 1, use < 0 ? all.size() : use).stream().anyMatch(t -> t.is(",") && t.kind() == Kind.SYMBOL);
        boolean separated = true;
        for (int k = i + 1; k < (use < 0 ? all.size() : use); k++) {
            Tok t = all.get(k);
            // "A+", "AB-": a sign right after a value is part of it
            if (t.kind() == Kind.SYMBOL && t.is("+", "-") && !values.isEmpty() && k > i + 1 && all.get(k - 1).word()) {
                values.set(values.size() - 1, values.get(values.size() - 1) + t.text());
                continue;
            }
            if (t.is(",", "and", "or") && t.kind() != Kind.QUOTED) separated = true;
            if (t.kind() == Kind.QUOTED || (t.word() && !t.is("with", "values", "of", "and", "or", "as", "enum", "containing", "having", "options"))) {
                String v = t.kind() == Kind.QUOTED ? t.text() : t.raw();
                // "with happy, sad in a new bucket": a list with commas has one word per item; what runs on after an item is not a value
                if (commas && !separated) throw refuse("did not understand \"" + t.raw() + "\" after the values of enum " + name,
                        "list the values with commas (\"create an enum " + name + " with a, b, c\"), and ask for other changes separately");
                separated = false;
                if (v.isEmpty() || v.length() > 63) throw refuse("bad enum value: " + t.raw(), "values are 1 to 63 characters");
                values.add(v);
            }
        }
        values = values.stream().distinct().toList();
        if (values.isEmpty()) throw refuse("incomplete request: which values?", "e.g. \"create an enum " + name + " with a, b, c\"");
        CreateEnum e = new CreateEnum(QualifiedName.pub(name), values);
        if (use < 0) return List.of(e);
        return usedFor(w, e, all.subList(use + 3, all.size()));
    }

    /** Where "and use it for" / "use it as the type of" starts, or -1. */
    private static int useIt(List<Tok> all, int from) {
        for (int k = from; k + 3 < all.size(); k++) {
            if (all.get(k).is("use", "using") && all.get(k + 1).is("it") && all.get(k + 2).is("for", "on", "in")) return k > from && all.get(k - 1).is("and") ? k - 1 : k;
        }
        return -1;
    }

    /** The column that takes the new enum: its values must all be labels (the type change fails otherwise), and so must its default. */
    private List<ChangeRequest> usedFor(Words w, CreateEnum e, List<Tok> rest) {
        NameLinks.ColRef r = slots.names().columnRef(w, rest.stream().filter(t -> !t.is("it", "for", "on", "in", "use", "using")).toList());
        String type = e.type().sql();
        String col = r.column().name();
        if (slots.catalog().findEnum(r.column().type()).isPresent() || !List.of("text", "character varying").contains(r.column().type().replaceAll("\\(.*", ""))) {
            throw refuse(r.table().name().name() + "." + col + " is " + r.column().type() + ": only a text column takes a new enum's values", "change its type by hand: pgpilot new --empty NAME");
        }
        String def = r.column().defaultSql();
        List<ChangeRequest> out = new ArrayList<>(List.of(e));
        if (def == null) {
            out.add(new AlterColumnType(r.table().name(), col, type, r.column().type()));
            return out;
        }
        String label = def.replaceFirst("::.*$", "");
        if (!label.matches("'(?:[^']|'')*'") || !e.values().contains(label.substring(1, label.length() - 1).replace("''", "'"))) {
            throw refuse(r.table().name().name() + "." + col + " defaults to " + def + ", which is not a value of " + e.type().name(),
                    "add that value to the enum, or change the default first");
        }
        out.add(new DropDefault(r.table().name(), col, def));
        out.add(new AlterColumnType(r.table().name(), col, type, r.column().type()));
        out.add(new SetDefault(r.table().name(), col, label + "::" + type, null));
        return out;
    }
}
