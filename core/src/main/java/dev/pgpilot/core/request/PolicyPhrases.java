package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;

import dev.pgpilot.core.request.ChangeRequest.CreatePolicy;
import dev.pgpilot.core.request.Lexer.Tok;
import dev.pgpilot.core.request.RequestParser.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Policy phrases: "users can read their own comments", "anyone can see published posts",
 * "members can delete customers of their organization", "admins can manage labels".
 * Who the policy is for comes before "can"; the commands and the table after it.
 */
final class PolicyPhrases {
    private final Catalog catalog;
    private final RequestParser parser;

    PolicyPhrases(Catalog catalog, RequestParser parser) {
        this.catalog = catalog;
        this.parser = parser;
    }

    /** The table a policy is about: "their organization's customers" and "customers of their organization" both mean customers. */
    private Catalog.Table policyTable(Words w, List<Tok> what) {
        List<Catalog.Table> plain = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            Tok t = what.get(i);
            if (!t.word()) continue;
            Optional<Catalog.Table> ct = catalog.findTable(t.text());
            boolean possessive = i > 0 && what.get(i - 1).is("their", "his", "her", "your", "my", "our");
            if (ct.isPresent() && !possessive) plain.add(ct.get());
        }
        return plain.isEmpty() ? parser.lastTable(w, what) : plain.get(plain.size() - 1);
    }

    static final Set<String> WORDS = Set.of("users", "user", "authors", "author", "owners", "owner", "members", "member", "admins", "admin",
            "administrators", "everyone", "anyone", "public", "anonymous", "people", "read", "see", "view", "select", "list", "create", "insert",
            "update", "edit", "modify", "delete", "remove", "manage", "own", "their", "can", "may", "only", "all", "organization", "org", "team",
            "workspace", "published", "write", "access", "change");

    private enum Subject { OWNER, PUBLIC, MEMBERS, ADMINS }

    /** True when the words before "can" name who a policy is for. */
    boolean isPolicyRequest(Words w) {
        return policySubject(w) != null;
    }

    private Subject policySubject(Words w) {
        int can = w.indexOfAny(Set.of("can", "may", "able", "allowed"));
        List<Tok> who = w.sub(0, Math.max(can, 0));
        Set<String> s = new LinkedHashSet<>();
        who.forEach(t -> s.add(t.text()));
        if (s.contains("admins") || s.contains("admin") || s.contains("administrators")) return Subject.ADMINS;
        if (s.contains("members") || s.contains("member")) return Subject.MEMBERS;
        if (s.contains("everyone") || s.contains("anyone") || s.contains("public") || s.contains("anonymous") || s.contains("everybody") || s.contains("visitors")) return Subject.PUBLIC;
        if (w.has("own") || s.contains("owners") || s.contains("users") || s.contains("authors") || s.contains("user")) return Subject.OWNER;
        return null;
    }

    List<ChangeRequest> parse(Words w) {
        Subject subject = policySubject(w);
        int can = w.indexOfAny(Set.of("can", "may", "able", "allowed"));
        List<Tok> what = w.sub(can + 1, w.size());
        Catalog.Table t = policyTable(w, what);
        Set<String> commands = new LinkedHashSet<>();
        for (Tok x : what) {
            switch (x.text()) {
                case "read", "see", "view", "select", "list", "access", "query", "fetch" -> commands.add("select");
                case "create", "insert", "add", "write", "submit", "post" -> commands.add("insert");
                case "update", "edit", "modify", "change", "amend" -> commands.add("update");
                case "delete", "remove", "destroy" -> commands.add("delete");
                case "manage", "anything", "everything", "crud" -> commands.addAll(List.of("select", "insert", "update", "delete"));
                default -> { }
            }
        }
        if (commands.isEmpty()) throw refuse("can do what with " + t.name().name() + "?", "say read, create, update or delete");
        boolean enable = !t.rls();
        String table = t.name().name();
        List<ChangeRequest> out = new ArrayList<>();
        String uid = "(select auth.uid())";
        for (String cmd : commands) {
            String using, check;
            List<String> roles = List.of("authenticated");
            String tag;
            switch (subject) {
                case OWNER -> {
                    String owner = t.ownerColumn().orElseThrow(() -> refuse("table " + table + " has no owner column (user_id, owner_id, author_id or a foreign key to auth.users)",
                            "add one first: \"add user_id references auth.users to " + table + "\""));
                    using = uid + " = " + Sql.ident(owner);
                    check = using;
                    tag = "own";
                }
                case PUBLIC -> {
                    if (!cmd.equals("select")) throw refuse("public " + cmd + " policies are not generated", "public access is read-only; owners can be given write access");
                    roles = List.of("anon", "authenticated");
                    using = publicCondition(t, what);
                    check = null;
                    tag = "public";
                }
                case MEMBERS -> {
                    String[] m = membership(t);
                    using = Sql.ident(m[1]) + " in (select m." + Sql.ident(m[1]) + " from " + QualifiedName.pub(m[0]).sql() + " m where m.\"user_id\" = " + uid + ")";
                    check = using;
                    tag = "members";
                }
                default -> {
                    String admins = catalog.tables().values().stream().filter(x -> x.name().schema().equals("public") && x.name().name().contains("admin") && x.columns().containsKey("user_id"))
                            .map(x -> x.name().name()).findFirst().orElseThrow(() -> refuse("no admin table found (a table named like admins with a user_id column)",
                                    "create it first: \"create table admins with user_id\""));
                    using = "exists (select 1 from " + QualifiedName.pub(admins).sql() + " a where a.\"user_id\" = " + uid + ")";
                    check = using;
                    tag = "admins";
                }
            }
            String u = cmd.equals("insert") ? null : using;
            String c = cmd.equals("insert") || cmd.equals("update") ? check : null;
            out.add(new CreatePolicy(t.name(), trim63(table + "_" + cmd + "_" + tag), cmd, roles, u, c, enable && out.isEmpty()));
        }
        return out;
    }

    /** "everyone can read published posts" → published = true; "posts where status is 'paid'" → status = 'paid'. */
    private String publicCondition(Catalog.Table t, List<Tok> what) {
        int where = -1;
        for (int i = 0; i < what.size(); i++) if (what.get(i).is("where", "when", "that", "which", "if", "whose")) { where = i; break; }
        if (where >= 0) return parser.predicate(t, what.subList(where + 1, what.size()));
        for (Tok x : what) {
            if (x.word() && t.column(x.text()).map(c -> c.type().equals("boolean")).orElse(false)) return Sql.ident(x.text()) + " = true";
            if (x.word() && x.text().length() > 2 && t.column("is_" + x.text()).map(c -> c.type().equals("boolean")).orElse(false)) return Sql.ident("is_" + x.text()) + " = true";
        }
        return "true";
    }

    /** [membership table, shared column] for a table with organization_id (or similar) and a table linking users to it. */
    private String[] membership(Catalog.Table t) {
        for (String col : t.columns().keySet()) {
            if (!col.endsWith("_id") || col.equals("id") || RequestParser.OWNER_ID_NAMES.contains(col)) continue;
            List<Catalog.Table> links = catalog.tables().values().stream()
                    .filter(x -> x.name().schema().equals("public") && x != t && x.columns().containsKey("user_id") && x.columns().containsKey(col))
                    .sorted((a, b) -> Boolean.compare(b.name().name().contains("member"), a.name().name().contains("member"))).toList();
            if (!links.isEmpty()) return new String[] {links.get(0).name().name(), col};
        }
        throw refuse("no membership table links users to " + t.name().name(), "members policies need e.g. memberships(user_id, organization_id) and " + t.name().name() + ".organization_id");
    }
}
