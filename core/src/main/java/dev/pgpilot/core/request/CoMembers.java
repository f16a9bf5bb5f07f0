package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.CreateMembershipCheck;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "members can see the other members of their organization", "staff can see their colleagues at the
 * same clinic", "members can see who else is in their projects": members reading the membership table
 * itself, the rows of everyone who shares a parent with them. A policy on that table that read the table
 * would recurse under RLS, so it asks a SECURITY DEFINER function ({@link MembershipCheck}). Only reading:
 * who may add rows there decides who is a member ({@link RightsTables}).
 */
final class CoMembers {
    /** Words naming the other people of one's own group. */
    static final Set<String> PEOPLE = Set.of("members", "member", "colleagues", "colleague", "teammates", "teammate", "coworkers", "co-workers",
            "peers", "fellow", "other", "same", "who");

    /** @param table the membership table; @param key its column naming the parent; @param parent the table it links users to */
    record Link(Catalog.Table table, String key, Catalog.Table parent) {}

    private final Catalog catalog;

    CoMembers(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The membership table the request is about when it says its people are the other members of the
     * subject's group: @param who the words before "can"; @param what the words after it; @param t the
     * table the request names (the group, or the membership table itself). Empty when it says no such thing.
     */
    Optional<Link> link(Set<String> who, List<Tok> what, Catalog.Table t) {
        if (!saysFellowMembers(what)) return Optional.empty();
        List<String> said = new ArrayList<>(who);
        what.forEach(x -> said.add(x.text()));
        // a table of users and keys is a membership table when its name says so or the request names it ("staff", "enrollments")
        List<Link> links = linksOf(t).stream().filter(l -> RightsTables.byName(l.table().name().name()) || names(said, l.table())).toList();
        if (links.isEmpty()) return Optional.empty();
        List<Link> named = links.stream().filter(l -> names(said, l.table())).toList();
        boolean members = who.contains("members") || who.contains("member");
        if (named.size() == 1) return Optional.of(named.get(0));
        if (!members && named.isEmpty()) return Optional.empty();
        if (links.size() == 1) return Optional.of(links.get(0));
        List<PhraseReadings.Option> options = links.stream().map(l -> new PhraseReadings.Option("members listed in " + l.table().name().name(),
                l.table().name().name(), "", l.table().name().sql())).toList();
        String word = who.contains("members") ? "members" : "member";
        throw new PhraseReadings(word, "several tables link users to " + t.name().name() + ": "
                + String.join(", ", links.stream().map(l -> l.table().name().name()).toList()), options);
    }

    /** The policy: members read the link rows of every parent they are in; nothing else. */
    List<ChangeRequest> policies(Link l, Set<String> commands, PolicyRows.Rows which) {
        String table = l.table().name().name();
        if (!commands.equals(Set.of("select"))) {
            throw refuse("refusing to let members " + String.join(", ", commands) + " rows of " + table + ": " + table
                    + " says who is a member, so whoever may write it can make themselves or others members",
                    "members may read their fellow members (\"members can see the other members of their " + l.parent().name().name()
                            + "\"); add members with the service role, or \"admins can manage " + table + "\"");
        }
        if (which.filter() != null) throw refuse("only every fellow member's row is generated for " + table + ", not some of them",
                "write the policy by hand: pgpilot new --empty NAME");
        MembershipCheck.Check check = new MembershipCheck(catalog).of(l.table(), l.key());
        List<ChangeRequest> out = new ArrayList<>();
        if (check.create() != null) out.add(check.create());
        out.add(new ChangeRequest.CreatePolicy(l.table().name(), RequestParser.trim63(table + "_select_members"), "select", List.of("authenticated"),
                check.call(Quote.ident(l.key())), null, !l.table().rls(), false,
                "members see the rows of every " + Inflect.singular(l.parent().name().name()) + " they are in, through " + check.function()
                        + " (a policy on " + table + " reading " + table + " would recurse)"));
        return out;
    }

    /** "the other members", "their colleagues", "who else is in", "the same clinic". */
    private static boolean saysFellowMembers(List<Tok> what) {
        for (int i = 0; i < what.size(); i++) {
            Tok x = what.get(i);
            if (!x.word()) continue;
            if (x.is("who")) {
                if (i + 1 < what.size() && what.get(i + 1).is("else", "is", "are", "belongs", "belong")) return true;
                continue;
            }
            if (PEOPLE.contains(x.text())) return true;
        }
        return false;
    }

    /**
     * Membership tables of t: tables with a user_id referencing auth.users and a key to t; or t itself when it
     * is one (users linked to some parent by a key), keyed by its one key to a parent.
     */
    private List<Link> linksOf(Catalog.Table t) {
        List<Link> own = parentKeys(t);
        if (!own.isEmpty()) return own.size() == 1 ? own : List.of();
        List<Link> out = new ArrayList<>();
        for (Catalog.Table l : catalog.tables().values()) {
            if (l == t || !l.name().schema().equals("public")) continue;
            for (Link k : parentKeys(l)) if (k.parent() == t) out.add(k);
        }
        return out;
    }

    /** The links a table makes when it is a membership table: user_id to auth.users, and single-column keys to other public tables. */
    private List<Link> parentKeys(Catalog.Table l) {
        List<Catalog.Constraint> fks = l.constraints().stream().filter(c -> c.type().equals("f") && c.columns().size() == 1 && c.references() != null).toList();
        boolean user = fks.stream().anyMatch(c -> c.columns().get(0).equals("user_id") && c.references().display().equals("auth.users"));
        if (!user) return List.of();
        List<Link> out = new ArrayList<>();
        for (Catalog.Constraint c : fks) {
            if (c.references().display().equals("auth.users")) continue;
            catalog.findTable(c.references().display()).filter(p -> p.name().schema().equals("public") && p != l)
                    .ifPresent(p -> out.add(new Link(l, c.columns().get(0), p)));
        }
        return out;
    }

    /** True when every part of the table's name is among the words ("project members": project_members; "staff": staff). */
    private static boolean names(List<String> said, Catalog.Table l) {
        for (String part : l.name().name().split("_")) {
            if (said.stream().noneMatch(w -> Inflect.variants(w).contains(part) || Inflect.variants(part).contains(w))) return false;
        }
        return true;
    }
}
