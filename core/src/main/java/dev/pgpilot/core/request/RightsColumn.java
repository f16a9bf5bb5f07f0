package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.CreateRightsCheck;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A right recorded in the signed-in user's own row: "users whose profiles.role is 'admin'",
 * "staff (profiles.is_staff)", and "admins" where the schema says so in a user's row
 * (profiles.role with the value 'admin', or a flag profiles.is_admin). Policies ask it through a
 * {@link CreateRightsCheck} function, reused when an earlier migration made it. A right the user
 * can write in their own row is no right: refused.
 */
final class RightsColumn {
    /**
     * @param function the function to create, or null when the database has it; @param call how a policy asks it;
     * @param tag the policy names' word for who has the right ("admin", "staff"); @param says "profiles.role = 'admin'", for the plan
     */
    record Check(CreateRightsCheck function, String call, String tag, String says) {}

    private final Catalog catalog;
    private final Conditions conditions;

    RightsColumn(Catalog catalog) {
        this.catalog = catalog;
        this.conditions = new Conditions(new NameLinks(catalog));
    }

    /** True when the words before "can" name a table.column of a user's own row ("profiles.role"), or a table listing users who have a right. */
    boolean names(List<Tok> who) {
        return at(who) >= 0 || listed(who).isPresent();
    }

    /**
     * "users listed in admins", "users in moderators": a table named for a right with a user_id column,
     * after "in"; a user has the right while a row there names them.
     */
    Optional<Catalog.Table> listed(List<Tok> who) {
        for (int i = 0; i + 1 < who.size(); i++) {
            if (!who.get(i).is("in")) continue;
            int j = who.get(i + 1).is("the") ? i + 2 : i + 1;
            if (j >= who.size() || !who.get(j).word()) continue;
            Optional<Catalog.Table> t = catalog.findTable(who.get(j).text())
                    .filter(x -> x.name().schema().equals("public") && x.columns().containsKey("user_id") && RightsTables.byName(x.name().name()));
            if (t.isPresent()) return t;
        }
        return Optional.empty();
    }

    /** The check the words before "can" name: a table.column of a user's own row and what it must say ("is 'admin'", nothing for a flag). */
    Check named(List<Tok> who) {
        int at = at(who);
        Tok dotted = who.get(at);
        Catalog.Table t = catalog.findTable(dotted.text().substring(0, dotted.text().indexOf('.'))).orElseThrow();
        String column = dotted.text().substring(dotted.text().indexOf('.') + 1);
        List<Tok> condition = new ArrayList<>();
        condition.add(new Tok(Kind.WORD, column, column));
        for (Tok x : who.subList(at + 1, who.size())) if (!x.is("(", ")")) condition.add(x);
        return check(t, conditions.predicate(t, condition));
    }

    /** The user-row columns that say who is admin (profiles.role holding 'admin', profiles.is_admin), one check each. */
    List<Check> admins() {
        List<Check> out = new ArrayList<>();
        for (Catalog.Table t : catalog.tables().values()) {
            if (!t.name().schema().equals("public") || userRow(t).isEmpty()) continue;
            for (Catalog.Column c : t.columns().values()) {
                boolean role = catalog.findEnum(c.type()).map(e -> e.values().contains("admin")).orElse(false);
                boolean flag = c.type().equals("boolean") && (c.name().equals("is_admin") || c.name().equals("admin"));
                if (role) out.add(check(t, Quote.ident(c.name()) + " = 'admin'"));
                else if (flag) out.add(check(t, Quote.ident(c.name()) + " = true"));
            }
        }
        return out;
    }

    /** The words that say this check, for a reading: "users whose profiles.role is 'admin'". */
    static String said(Check c) {
        return "users whose " + c.says().replaceFirst(" = true$", " is true").replace(" = ", " is ");
    }

    /** The words that say a listing table, for a reading: "users listed in admins". */
    static String said(Catalog.Table listing) {
        return "users listed in " + listing.name().name();
    }

    private int at(List<Tok> who) {
        for (int i = 0; i < who.size(); i++) {
            Tok x = who.get(i);
            int dot = x.text().indexOf('.');
            if (!x.word() || dot <= 0) continue;
            Optional<Catalog.Table> t = catalog.findTable(x.text().substring(0, dot)).filter(y -> y.name().schema().equals("public"));
            if (t.isPresent() && t.get().columns().containsKey(x.text().substring(dot + 1))) return i;
        }
        return -1;
    }

    /** A table with one row per user: its owner column is its id or user_id. */
    private static Optional<String> userRow(Catalog.Table t) {
        return t.ownerColumn().filter(c -> c.equals("id") || c.equals("user_id"));
    }

    private Check check(Catalog.Table t, String predicate) {
        String table = t.name().name();
        String user = userRow(t).orElseThrow(() -> refuse(table + " says nothing about who its rows are: no id or user_id referencing auth.users",
                "name a column of the users' own rows, e.g. \"users whose profiles.role is 'admin'\""));
        refuseWritable(t, predicate);
        QualifiedName function = new QualifiedName("public", functionName(table, predicate));
        String call = new CreateRightsCheck(function, t.name(), user, predicate).call();
        CreateRightsCheck create = catalog.hasFunction(function.display()) ? null : new CreateRightsCheck(function, t.name(), user, predicate);
        String column = predicate.substring(1, predicate.indexOf('"', 1));
        String tag = predicate.endsWith(" = true") ? column.replaceFirst("^is_", "") : predicate.replaceFirst("^.*'(.*)'$", "$1");
        tag = tag.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return new Check(create, call, tag.matches("[a-z][a-z0-9_]{0,30}") ? tag : "rights", table + "." + predicate.replace("\"", ""));
    }

    /**
     * The function's name says the table and the whole condition, so an earlier migration's function of that
     * name is the same check and is reused: "has_profiles_role_admin", "has_profiles_is_staff". A value that is
     * no plain word, or a name too long, gets a digest of the condition, so two conditions never share a name.
     */
    private static String functionName(String table, String predicate) {
        String tail = predicate.replaceFirst(" = true$", "").replace(" <> ", " not ").replace(" = ", " ").replaceAll("[\"']", "").strip();
        String plain = RightsTables.CHECK_PREFIX + table + "_" + tail.replace(' ', '_');
        if (plain.matches("[a-z_][a-z0-9_]*") && plain.length() <= 63) return plain;
        String clean = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return (clean.length() > 54 ? clean.substring(0, 54) : clean).replaceAll("_+$", "") + "_" + digest(predicate);
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A right the user may write into their own row grants itself: RLS off (Supabase grants signed-in users
     * every row of a public table), or a policy letting users insert or update rows there that does not
     * itself ask this right.
     */
    private void refuseWritable(Catalog.Table t, String predicate) {
        String table = t.name().name();
        String what = table + "." + predicate.replace("\"", "");
        if (!t.rls()) throw refuse("refusing a right recorded in " + table + ": it has row level security off, so any signed-in user can set " + what + " on their own row",
                "enable row level security on " + table + " first (\"enable rls on " + table + "\") and let only the service role change who has rights");
        for (Catalog.Policy p : t.policies()) {
            if (!p.permissive() || !(p.covers("insert") || p.covers("update"))) continue;
            if (p.roles().stream().noneMatch(r -> r.equals("authenticated") || r.equals("public") || r.equals("anon"))) continue;
            String expr = (p.using() == null ? "" : p.using()) + " " + (p.withCheck() == null ? "" : p.withCheck());
            if (expr.contains(RightsTables.CHECK_PREFIX + table + "_")) continue;
            throw refuse("refusing a right recorded in " + table + ": policy \"" + p.name() + "\" lets users write rows of " + table
                    + ", so anyone could set " + what + " on their own row and give themselves that right",
                    "keep the right where only the service role writes (e.g. \"create table admins with user_id references auth.users\"), "
                            + "or narrow that policy by hand first: pgpilot new --empty NAME");
        }
    }
}
