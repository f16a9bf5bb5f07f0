package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;

import dev.pgpilot.core.request.ChangeRequest.CreatePolicy;
import dev.pgpilot.core.request.Lexer.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Policy phrases: "users can read their own comments", "anyone can see published posts",
 * "members can delete customers of their organization", "only admins can delete projects",
 * "users can upload to their own folder in the avatars bucket". Who the policy is for comes
 * before "can"; the commands, the table and any condition after it. Nothing here lets a user
 * write themselves into a table that grants rights ({@link RightsTables}).
 */
final class PolicyPhrases {
    static final String UID = "(select auth.uid())";
    private static final Set<String> CAN = Set.of("can", "may", "able", "allowed");
    private static final Set<String> CONDITION = Set.of("where", "when", "that", "which", "if", "whose");

    static final Set<String> WORDS = Set.of("users", "user", "authors", "author", "owners", "owner", "members", "member", "admins", "admin",
            "administrators", "everyone", "anyone", "public", "anonymous", "people", "read", "see", "view", "select", "list", "create", "insert",
            "update", "edit", "modify", "delete", "remove", "manage", "own", "their", "can", "may", "only", "all", "organization", "org", "team",
            "workspace", "published", "write", "access", "change");

    /** NAMED: a role the schema names in a column, "sellers" for listings.seller_id. */
    enum Subject { OWNER, NAMED, SIGNED_IN, PUBLIC, MEMBERS, ADMINS }

    /**
     * What a subject may reach: the rows (a SQL filter, also the new-row check), for which roles,
     * the policy name's tag, and the table the filter looks up (null = none).
     */
    private record Grant(String rows, List<String> roles, String tag, Catalog.Table lookup) {
        Grant(String rows, List<String> roles, String tag) { this(rows, roles, tag, null); }
    }

    private final Catalog catalog;
    private final NameLinks names;
    private final Conditions conditions;

    PolicyPhrases(Catalog catalog) {
        this.catalog = catalog;
        this.names = new NameLinks(catalog);
        this.conditions = new Conditions(names);
    }

    /** True when the words before "can" name who a policy is for. */
    boolean isPolicyRequest(Words w) {
        return w.indexOfAny(CAN) > 0 && subject(w) != null;
    }

    private static Set<String> who(Words w) {
        Set<String> who = new LinkedHashSet<>();
        w.sub(0, Math.max(w.indexOfAny(CAN), 0)).forEach(t -> who.add(t.text()));
        return who;
    }

    /** "sellers" when some table has seller_id referencing auth.users: the request names the role by its column. */
    private Optional<String> namedColumn(Set<String> who) {
        for (String word : who) {
            if (word.equals("users") || word.equals("user") || word.equals("people") || !word.endsWith("s")) continue;
            String col = Inflect.singular(word) + "_id";
            boolean known = catalog.tables().values().stream().anyMatch(t -> OwnerColumn.otherUserColumns(t).contains(col));
            if (known) return Optional.of(col);
        }
        return Optional.empty();
    }

    Subject subject(Words w) {
        int can = w.indexOfAny(CAN);
        Set<String> who = new LinkedHashSet<>();
        w.sub(0, Math.max(can, 0)).forEach(t -> who.add(t.text()));
        boolean theirs = w.sub(can + 1, w.size()).stream().anyMatch(t -> t.is("own", "their"));
        if (who.contains("admins") || who.contains("admin") || who.contains("administrators")) return Subject.ADMINS;
        if (who.contains("members") || who.contains("member")) return Subject.MEMBERS;
        if (who.contains("everyone") || who.contains("anyone") || who.contains("public") || who.contains("anonymous") || who.contains("everybody") || who.contains("visitors")) return Subject.PUBLIC;
        if (who.contains("owners") || who.contains("authors") || who.contains("creators")) return Subject.OWNER;
        if (namedColumn(who).isPresent()) return Subject.NAMED;
        boolean users = who.contains("users") || who.contains("user") || who.contains("people");
        if (users && (who.contains("signed-in") || who.contains("signed") || who.contains("logged-in") || who.contains("logged") || who.contains("authenticated"))) return Subject.SIGNED_IN;
        if (users || w.has("own")) return theirs || w.has("own") ? Subject.OWNER : Subject.SIGNED_IN;
        return null;
    }

    List<ChangeRequest> parse(Words w) {
        refuseNegation(w);
        Subject subject = subject(w);
        int can = w.indexOfAny(CAN);
        boolean only = w.sub(0, can).stream().anyMatch(t -> t.is("only"));
        List<Tok> what = w.sub(can + 1, w.size());
        Set<String> commands = commands(what);
        if (w.has("bucket") || w.has("folder") || w.has("folders")) return new StoragePolicies(catalog).parse(subject, commands, what, only);
        Catalog.Table t = policyTable(w, what);
        if (commands.isEmpty()) throw refuse("can do what with " + t.name().name() + "?", "say read, create, update or delete");
        String condition = condition(t, what);
        Optional<String> rights = RightsTables.why(catalog, t);
        String table = t.name().name();
        List<ChangeRequest> out = new ArrayList<>();
        Set<Catalog.Table> lookups = new LinkedHashSet<>();
        for (String cmd : commands) {
            Grant g = grant(subject, t, cmd, rights, who(w));
            if (g.lookup() != null) lookups.add(g.lookup());
            String rows = condition == null ? g.rows() : g.rows().equals("true") ? condition : g.rows() + " and " + condition;
            String using = cmd.equals("insert") ? null : rows;
            String check = cmd.equals("insert") ? rows : cmd.equals("update") ? g.rows() : null;
            out.add(new CreatePolicy(t.name(), trim63(table + "_" + cmd + "_" + g.tag()), cmd, g.roles(), using, check,
                    !t.rls() && out.isEmpty(), false, null));
            if (only) out.add(onlyPolicy(t, cmd, g.tag(), using, check));
        }
        for (Catalog.Table l : lookups) {
            // under RLS with no select policy a lookup sees no rows, and the policy above would grant nothing
            if (l.rls() && l.policies().stream().noneMatch(p -> p.covers("select") && p.permissive()) && l.columns().containsKey("user_id")) {
                out.add(new CreatePolicy(l.name(), trim63(l.name().name() + "_select_own"), "select", List.of("authenticated"), UID + " = \"user_id\"", null, false, false,
                        l.name().name() + " has row level security and no select policy: the policies above read it, so users see their own rows there"));
            }
        }
        return out;
    }

    /**
     * "only X can ...": a RESTRICTIVE policy for every role, so the permissive policies already
     * there for the command (an owner's, say) grant nothing unless X's condition holds too.
     */
    static CreatePolicy onlyPolicy(Catalog.Table t, String cmd, String tag, String using, String check) {
        List<String> others = t.policies().stream().filter(p -> p.permissive() && p.covers(cmd)).map(Catalog.Policy::name).toList();
        String note = "only " + tag + " may " + cmd + ": restrictive, so no other policy can grant it"
                + (others.isEmpty() ? "" : " (now restricted: " + String.join(", ", others) + ")");
        return new CreatePolicy(t.name(), trim63(t.name().name() + "_" + cmd + "_only_" + tag), cmd, List.of("public"), using, check, false, true, note);
    }

    /** Words that turn "users can delete ..." into its opposite. */
    private static final Set<String> NEGATION = Set.of("not", "never", "no", "nobody", "noone", "cannot", "neither", "nor", "none", "nothing");

    /**
     * "users can not delete their own posts", "users should not be able to update ...", "no user can
     * delete ...": a negation before the command forbids; policies only ever grant, so reading the
     * rest would write the very policy the user ruled out. Refused. A negation after the command is
     * a row condition ("posts that are not archived") and stays.
     */
    private static void refuseNegation(Words w) {
        for (Tok t : w.all()) {
            if (t.kind() == Lexer.Kind.QUOTED) continue;
            if (!commands(List.of(t)).isEmpty()) return;
            if (NEGATION.contains(t.text())) {
                throw refuse("\"" + t.raw() + "\" forbids: a policy only grants, so pgpilot does not write one for \"" + w.text() + "\"",
                        "with row level security on, what no policy grants is already denied; to take a right away, drop the policy that grants it "
                                + "(\"drop policy NAME on TABLE\"), or say who alone may do it (\"only admins can delete TABLE\")");
            }
        }
    }

    static Set<String> commands(List<Tok> what) {
        Set<String> commands = new LinkedHashSet<>();
        for (Tok x : what) {
            switch (x.text()) {
                case "read", "see", "view", "select", "list", "access", "query", "fetch", "download" -> commands.add("select");
                case "create", "insert", "add", "write", "submit", "post", "upload" -> commands.add("insert");
                case "update", "edit", "modify", "change", "amend", "replace", "overwrite" -> commands.add("update");
                case "delete", "remove", "destroy" -> commands.add("delete");
                case "manage", "anything", "everything", "crud" -> commands.addAll(List.of("select", "insert", "update", "delete"));
                default -> { }
            }
        }
        return commands;
    }

    private Grant grant(Subject subject, Catalog.Table t, String cmd, Optional<String> rights, Set<String> who) {
        String table = t.name().name();
        boolean writes = cmd.equals("insert") || cmd.equals("update");
        if (writes && rights.isPresent() && subject != Subject.ADMINS) {
            throw refuse("refusing " + cmd + " on " + table + " for anyone but admins: " + table + " grants rights (" + rights.get()
                    + "), so whoever may " + cmd + " rows there can grant themselves those rights",
                    "let admins manage it (\"admins can manage " + table + "\"), or add its rows with the service role");
        }
        return switch (subject) {
            case OWNER -> {
                String owner = t.ownerColumn().orElseThrow(() -> refuse("table " + table + " has no owner column (user_id, owner_id, created_by, author_id, or an id referencing auth.users)"
                        + otherUsers(t), "add one first: \"add user_id references auth.users to " + table + "\""));
                yield new Grant(UID + " = " + Sql.ident(owner), List.of("authenticated"), "own");
            }
            case NAMED -> {
                String col = namedColumn(who).orElseThrow();
                if (!OwnerColumn.otherUserColumns(t).contains(col)) throw refuse("table " + table + " has no " + col + " column referencing auth.users" + otherUsers(t),
                        "name the table the " + col.replace("_id", "") + " is on");
                yield new Grant(UID + " = " + Sql.ident(col), List.of("authenticated"), col.replace("_id", ""));
            }
            case SIGNED_IN -> {
                if (!cmd.equals("select")) throw refuse("whose " + table + " may users " + cmd + "? every signed-in user may not " + cmd + " every row",
                        "say \"users can " + cmd + " their own " + table + "\"");
                yield new Grant("true", List.of("authenticated"), "signed_in");
            }
            case PUBLIC -> {
                if (!cmd.equals("select")) throw refuse("public " + cmd + " policies are not generated", "public access is read-only; owners can be given write access");
                yield new Grant("true", List.of("anon", "authenticated"), "public");
            }
            case MEMBERS -> {
                Membership m = Membership.of(catalog, t);
                yield new Grant(m.filter(null), List.of("authenticated"), "members", m.link());
            }
            case ADMINS -> {
                Optional<Catalog.Table> list = RightsTables.admins(catalog);
                // "project admins", "clinic admins", or no admins table: members whose role says admin
                boolean qualified = who.stream().anyMatch(x -> !x.startsWith("admin") && (catalog.findTable(x).isPresent() || x.equals("org")));
                if (qualified || list.isEmpty()) {
                    Optional<Membership> m = Membership.find(catalog, t);
                    Optional<String> roles = m.flatMap(x -> x.roleFilter(catalog, who.contains("owners") ? List.of("owner", "admin") : List.of("admin")));
                    if (roles.isPresent()) yield new Grant(m.get().filter(roles.get()), List.of("authenticated"), "admins", m.get().link());
                }
                Catalog.Table admins = list.orElseThrow(() -> refuse("no admin table found (a table named like admins with a user_id column)",
                        "create it first: \"create table admins with user_id references auth.users\" (pgpilot gives it no policy that lets users add themselves; add admins with the service role)"));
                if (admins == t) throw refuse("a policy on " + table + " cannot look up " + table + " itself (PostgreSQL reports infinite recursion)", "add and remove admins with the service role");
                yield new Grant("exists (select 1 from " + admins.name().sql() + " a where a.\"user_id\" = " + UID + ")", List.of("authenticated"), "admins", admins);
            }
        };
    }

    private static String otherUsers(Catalog.Table t) {
        List<String> others = OwnerColumn.otherUserColumns(t);
        return others.isEmpty() ? "" : "; " + String.join(", ", others) + " references auth.users but does not say who owns a row";
    }

    /** "... where status is 'open'", "published posts", "posts that are not archived" → a row filter, or null. */
    private String condition(Catalog.Table t, List<Tok> what) {
        for (int i = 0; i < what.size(); i++) {
            if (isCondition(what.get(i))) return conditions.predicate(t, what.subList(i + 1, what.size()));
        }
        for (Tok x : what) {
            if (x.word() && t.column(x.text()).map(c -> c.type().equals("boolean")).orElse(false)) return Sql.ident(x.text()) + " = true";
            if (x.word() && x.text().length() > 2 && t.column("is_" + x.text()).map(c -> c.type().equals("boolean")).orElse(false)) return Sql.ident("is_" + x.text()) + " = true";
        }
        return null;
    }

    private static boolean isCondition(Tok t) {
        return t.kind() != Lexer.Kind.QUOTED && CONDITION.contains(t.text());
    }

    /** The table a policy is about: "their organization's customers" and "customers of their organization" both mean customers. */
    private Catalog.Table policyTable(Words w, List<Tok> what) {
        List<Catalog.Table> plain = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            Tok t = what.get(i);
            if (!t.word()) continue;
            if (isCondition(t)) break;
            Optional<Catalog.Table> ct = catalog.findTable(t.text());
            boolean possessive = i > 0 && what.get(i - 1).is("their", "his", "her", "your", "my", "our");
            if (ct.isPresent() && !possessive) plain.add(ct.get());
        }
        return plain.isEmpty() ? names.lastTable(what) : plain.get(plain.size() - 1);
    }
}
