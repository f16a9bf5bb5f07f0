package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.PolicyPhrases.UID;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "managers", "store managers", "editors of a project": the users whose row in a link table holds
 * that role. A link table has a user column (staff.user_id) and a role column whose values the
 * schema spells out (an enum's labels, or a check constraint's list: staff.role in ('manager',
 * 'clerk')); its other keys say where the role holds (staff.store_id). Only values the schema has
 * are read as roles, and a word two links could mean is asked about, never picked.
 */
final class RoleHolders {
    /** One way a role word reads: the link row, its user and role columns, and the role's value as the schema spells it. */
    record Holder(Catalog.Table link, String userColumn, String roleColumn, String value) {
        String said() {
            return link.name().name() + "." + roleColumn + " = '" + value + "'";
        }
    }

    private static final Pattern ROLE_COLUMN = Pattern.compile("(^|_)(role|roles|level|position|title)$");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private final Catalog catalog;
    private final PersonReach people;

    RoleHolders(Catalog catalog) {
        this.catalog = catalog;
        this.people = new PersonReach(catalog);
    }

    /** The role word among the words before "can" ("managers", "store_manager" from "store managers"), or null. */
    String word(List<String> who) {
        for (int i = 0; i < who.size(); i++) {
            if (i + 1 < who.size() && !holders(who.get(i) + "_" + who.get(i + 1)).isEmpty()) return who.get(i) + "_" + who.get(i + 1);
            if (who.get(i).length() > 2 && !holders(who.get(i)).isEmpty()) return who.get(i);
        }
        return null;
    }

    /** Every link row whose role column may hold the word's value, singular or as said. */
    List<Holder> holders(String word) {
        Set<String> forms = new LinkedHashSet<>(List.of(word, Inflect.singular(word)));
        List<Holder> out = new ArrayList<>();
        for (Catalog.Table l : catalog.tables().values()) {
            if (!l.name().schema().equals("public")) continue;
            Optional<String> user = OwnerColumn.of(l);
            if (user.isEmpty()) continue;
            for (Catalog.Column c : l.columns().values()) {
                if (!ROLE_COLUMN.matcher(c.name()).find()) continue;
                for (String v : values(l, c)) if (forms.contains(v.toLowerCase(Locale.ROOT))) out.add(new Holder(l, user.get(), c.name(), v));
            }
        }
        return out;
    }

    /** The values a column may hold: its enum's labels, or the literals of a check constraint on it alone. */
    private List<String> values(Catalog.Table l, Catalog.Column c) {
        Optional<Catalog.EnumType> e = catalog.findEnum(c.type());
        if (e.isPresent()) return e.get().values();
        List<String> out = new ArrayList<>();
        for (Catalog.Constraint k : l.constraints()) {
            if (!k.type().equals("c") || !k.columns().equals(List.of(c.name()))) continue;
            Matcher m = LITERAL.matcher(k.definition());
            while (m.find()) out.add(m.group(1).replace("''", "'"));
        }
        return out;
    }

    /**
     * The rows of t a holder reaches: t is the place the role holds (stores), has a key to it (sales.store_id), or its
     * parent has (a sale's line items); one reach per key of the link that gets there.
     */
    List<PersonReach.Reach> reaches(Holder h, Catalog.Table t) {
        List<PersonReach.Reach> out = new ArrayList<>();
        for (Catalog.Constraint fk : h.link().constraints()) {
            if (!fk.type().equals("f") || fk.columns().size() != 1 || fk.references() == null || fk.columns().get(0).equals(h.userColumn())) continue;
            Optional<Catalog.Table> place = catalog.findTable(fk.references().display()).filter(p -> p.name().schema().equals("public"));
            if (place.isEmpty() || place.get() == h.link()) continue;
            String key = fk.columns().get(0);
            String values = "select m." + Quote.ident(key) + " from " + h.link().name().sql() + " m where m." + Quote.ident(h.userColumn()) + " = " + UID
                    + " and m." + Quote.ident(h.roleColumn()) + " = " + Quote.literal(h.value());
            List<PersonReach.Lookup> lookups = List.of(new PersonReach.Lookup(h.link(), h.userColumn()));
            String referenced = fk.definition().replaceAll("(?s).*REFERENCES\\s+\\S+?\\(\"?([a-z_][a-z0-9_]*)\"?\\).*", "$1");
            PersonReach.Reach atPlace = new PersonReach.Reach(referenced, values, lookups);
            if (place.get() == t) { out.add(atPlace); continue; }
            Optional<PersonReach.Reach> direct = people.through(t, place.get(), atPlace);
            if (direct.isPresent()) { out.add(direct.get()); continue; }
            // a sale's line items: through the one parent of t that has the key
            List<PersonReach.Reach> up = new ArrayList<>();
            for (Catalog.Constraint pk : t.constraints()) {
                if (!pk.type().equals("f") || pk.columns().size() != 1 || pk.references() == null || pk.references().equals(t.name())) continue;
                catalog.findTable(pk.references().display()).flatMap(p -> people.through(p, place.get(), atPlace).flatMap(r -> people.through(t, p, r))).ifPresent(up::add);
            }
            if (up.size() == 1) out.add(up.get(0));
        }
        return out;
    }
}
