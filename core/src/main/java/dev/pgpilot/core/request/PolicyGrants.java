package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.PolicyPhrases.UID;
import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.CreateRightsCheck;
import dev.pgpilot.core.request.RequestLexer.Tok;
import dev.pgpilot.core.request.PolicyPhrases.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What each kind of subject may reach on a table, as the row filter of a policy; refuses what would grant more than that. */
final class PolicyGrants {
    /**
     * What a subject may reach: the rows (a SQL filter, also the new-row check), for which roles,
     * the policy name's tag, and the tables the filter looks up.
     */
    record Grant(String rows, List<String> roles, String tag, List<PersonReach.Lookup> lookups, CreateRightsCheck function) {
        Grant(String rows, List<String> roles, String tag) { this(rows, roles, tag, List.of(), null); }
        Grant(String rows, List<String> roles, String tag, List<PersonReach.Lookup> lookups) { this(rows, roles, tag, lookups, null); }
        /** @param function the function the filter calls when this request creates it, or null */
        static Grant of(RightsColumn.Check c) { return new Grant(c.call(), List.of("authenticated"), c.tag(), List.of(), c.function()); }
    }

    /**
     * Who the policy is for, as the request names them: @param words the words before "can", @param tokens as said;
     * @param noun the person's noun for PERSON ("doctors", "staff"); @param parent the table after
     * "their" ("the rooms of their clinic"), or null; @param actor a column "&lt;verb&gt;_by" the request
     * names with "they &lt;verb&gt;" ("the appointments they booked"), or null
     */
    record Who(Subject subject, Set<String> words, List<Tok> tokens, String noun, Catalog.Table parent, String actor) {}

    private final Catalog catalog;
    private final PersonReach people;
    private final RightsColumn rights;
    private final RoleHolders roles;

    PolicyGrants(Catalog catalog) {
        this.catalog = catalog;
        this.people = new PersonReach(catalog);
        this.rights = new RightsColumn(catalog);
        this.roles = new RoleHolders(catalog);
    }

    Grant grant(Who who, Catalog.Table t, String cmd, Optional<String> rights) {
        String table = t.name().name();
        boolean writes = cmd.equals("insert") || cmd.equals("update");
        if (writes && rights.isPresent() && who.subject() != Subject.ADMINS && who.subject() != Subject.RIGHTS) {
            throw refuse("refusing " + cmd + " on " + table + " for anyone but admins: " + table + " grants rights (" + rights.get()
                    + "), so whoever may " + cmd + " rows there can grant themselves those rights",
                    "let admins manage it (\"admins can manage " + table + "\"), or add its rows with the service role");
        }
        return switch (who.subject()) {
            case OWNER -> owner(who, t);
            case PERSON -> {
                Optional<PersonReach.Reach> reach = people.of(who.noun(), t, who.parent(), who.words());
                // "doctors" the schema links to other tables by doctor_id, and lists by staff.role for this one
                if (reach.isEmpty() && !roles.holders(who.noun()).isEmpty()) yield role(who, t);
                PersonReach.Reach r = reach.orElseThrow(() -> refuse("the schema links no " + who.noun() + " to " + table
                        + (who.parent() == null ? "" : " or to its " + who.parent().name().name()) + otherUsers(t),
                        "name the table that says who the " + who.noun() + " are, or write the policy by hand: pgpilot new --empty NAME"));
                yield new Grant(r.filter(), List.of("authenticated"), Inflect.singular(who.noun()), r.lookups());
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
                // bookings.member_id is the member themselves; else a membership table links them to the row's parent
                // (never the people a user column of some other table names: "members of a gym" are not those who booked)
                Optional<PersonReach.Reach> r = people.userColumn("members", t);
                if (r.isPresent()) yield new Grant(r.get().filter(), List.of("authenticated"), "member", r.get().lookups());
                Optional<Membership> m = Membership.find(catalog, t, saidWith(who));
                if (m.isPresent()) yield new Grant(m.get().filter(null), List.of("authenticated"), "members", List.of(new PersonReach.Lookup(m.get().link(), "user_id")));
                // invoice_items -> invoices.org_id: the members of the parent row's group
                PersonReach.Reach viaParent = people.membersThroughParent(t, saidWith(who)).orElseThrow(() -> refuse("no membership table links users to "
                        + table + " or to a table it references", "members policies need e.g. memberships(user_id, organization_id) and " + table + ".organization_id"));
                yield new Grant(viaParent.filter(), List.of("authenticated"), "members", viaParent.lookups());
            }
            case ROLE -> role(who, t);
            case ADMINS -> admins(who.words(), t);
            case RIGHTS -> {
                Optional<Catalog.Table> listing = this.rights.listed(who.tokens());
                yield listing.isPresent() ? listedIn(listing.get(), t) : Grant.of(this.rights.named(who.tokens()));
            }
        };
    }

    private Grant owner(Who who, Catalog.Table t) {
        String table = t.name().name();
        if (who.actor() != null) return new Grant(UID + " = " + Quote.ident(who.actor()), List.of("authenticated"), "own");
        Optional<String> owner = t.ownerColumn();
        // "company owners can read their bills": the owners of the table the subject names, when t has a key to it
        Catalog.Table parent = who.parent() != null ? who.parent() : who.words().stream().map(catalog::findTable).flatMap(Optional::stream)
                .filter(p -> p != t && p.name().schema().equals("public")).findFirst().orElse(null);
        if (owner.isEmpty() && parent != null) {
            // "the tasks of their own projects": the parent's owner
            Optional<PersonReach.Reach> r = parent.ownerColumn().flatMap(o -> people.through(t, parent, new PersonReach.Reach(o, null, List.of())));
            if (r.isPresent()) return new Grant(r.get().filter(), List.of("authenticated"), "own", r.get().lookups());
        }
        if (owner.isEmpty() && who.parent() == null && OwnerColumn.otherUserColumns(t).isEmpty()) {
            // payments.member_id -> members(id), one row per user: "their own payments" are those of their members row
            Optional<PersonReach.Reach> r = people.ownerThroughPersonRow(t);
            if (r.isPresent()) return new Grant(r.get().filter(), List.of("authenticated"), "own", r.get().lookups());
        }
        List<String> owners = OwnerColumn.candidates(t);
        if (owners.size() > 1) {
            // user_id and created_by: whose row it is by which of them, only the request's author knows
            List<PhraseReadings.Option> options = owners.stream().map(c -> new PhraseReadings.Option("the rows whose " + table + "." + c + " is the signed-in user",
                    "", "", UID + " = " + Quote.ident(c))).toList();
            throw new PhraseReadings("own", "\"their own " + table + "\" can be read " + owners.size() + " ways: "
                    + String.join(" or ", owners.stream().map(c -> table + "." + c).toList()) + " says who a row is theirs", options);
        }
        String col = owner.orElseThrow(() -> refuse("table " + table + " has no owner column (user_id, owner_id, created_by, author_id, or an id referencing auth.users)"
                + otherUsers(t), OwnerColumn.otherUserColumns(t).isEmpty() ? "add one first: \"add user_id references auth.users to " + table + "\""
                : "say who by that column, e.g. \"" + Inflect.plural(OwnerColumn.otherUserColumns(t).get(0).replaceAll("_id$", "")) + " can ... their own " + table
                        + "\", or add an owner: \"add user_id references auth.users to " + table + "\""));
        return new Grant(UID + " = " + Quote.ident(col), List.of("authenticated"), "own");
    }

    /**
     * "managers can delete sales": the rows whose place (a store) the user holds that role at. A role of two link
     * tables, or one link reaching t by two keys, is asked about.
     */
    private Grant role(Who who, Catalog.Table t) {
        String table = t.name().name();
        List<PhraseReadings.Option> options = new ArrayList<>();
        List<PersonReach.Reach> found = new ArrayList<>();
        for (RoleHolders.Holder h : roles.holders(who.noun())) {
            for (PersonReach.Reach r : roles.reaches(h, t)) {
                found.add(r);
                options.add(new PhraseReadings.Option("users whose " + h.said() + " for " + table + "." + r.column(), "", "", r.filter()));
            }
        }
        String noun = who.noun().replace('_', ' ');
        if (found.isEmpty()) throw refuse("the " + Inflect.plural(noun) + " the schema lists by role reach no row of " + table
                        + " (no key of theirs leads to " + table + ")", "name the table that links them, or write the policy by hand: pgpilot new --empty NAME");
        if (options.size() > 1) throw new PhraseReadings(who.noun().contains("_") ? who.noun().split("_")[1] : who.noun(),
                "\"" + noun + "\" can be read " + options.size() + " ways on " + table, options);
        PersonReach.Reach r = found.get(0);
        return new Grant(r.filter(), List.of("authenticated"), Inflect.singular(who.noun()), r.lookups());
    }

    private Grant admins(Set<String> who, Catalog.Table t) {
        String table = t.name().name();
        Optional<Catalog.Table> list = RightsTables.admins(catalog);
        // "project admins", "clinic admins", or no admins table: members whose role says admin
        boolean qualified = who.stream().anyMatch(x -> !x.startsWith("admin") && (catalog.findTable(x).isPresent() || x.equals("org")));
        if (qualified || list.isEmpty()) {
            Optional<Membership> m = Membership.find(catalog, t);
            Optional<String> roles = m.flatMap(x -> x.roleFilter(catalog, who.contains("owners") ? List.of("owner", "admin") : List.of("admin")));
            if (roles.isPresent()) return new Grant(m.get().filter(roles.get()), List.of("authenticated"), "admins", List.of(new PersonReach.Lookup(m.get().link(), "user_id")));
        }
        List<RightsColumn.Check> columns = qualified ? List.of() : this.rights.admins();
        if (list.isEmpty() && columns.size() == 1) return Grant.of(columns.get(0));
        if (list.isPresent() && !columns.isEmpty() || columns.size() > 1) {
            // the schema says who is admin in more than one place: which one is the request's, only its author knows
            List<PhraseReadings.Option> options = new ArrayList<>();
            list.ifPresent(l -> options.add(new PhraseReadings.Option(RightsColumn.said(l), RightsColumn.said(l), "", l.name().sql())));
            for (RightsColumn.Check c : columns) {
                String fn = c.call().replaceFirst("^\\(select ", "").replaceFirst("\\(\\)\\)$", "");
                options.add(new PhraseReadings.Option(RightsColumn.said(c), RightsColumn.said(c), "", fn));
            }
            String word = who.stream().filter(x -> x.startsWith("admin")).findFirst().orElse("admins");
            throw new PhraseReadings(word, "\"" + word + "\" can be read " + options.size() + " ways", options);
        }
        Catalog.Table admins = list.orElseThrow(() -> refuse("no admin table found (a table named like admins with a user_id column)"
                        + (columns.isEmpty() ? "" : ", and " + columns.size() + " columns say who is admin: " + String.join(", ", columns.stream().map(RightsColumn.Check::says).toList())),
                columns.isEmpty() ? "create it first: \"create table admins with user_id references auth.users\" (pgpilot gives it no policy that lets users add themselves; add admins with the service role)"
                        : "say which, e.g. \"" + RightsColumn.said(columns.get(0)) + " can ...\""));
        return listedIn(admins, t);
    }

    /** "users listed in admins": a row there naming the signed-in user; their own rows there must be visible to them ({@link PolicyPhrases#lookupPolicy}). */
    private static Grant listedIn(Catalog.Table listing, Catalog.Table t) {
        if (listing == t) throw refuse("a policy on " + t.name().name() + " cannot look up " + t.name().name() + " itself (PostgreSQL reports infinite recursion)",
                "add and remove " + t.name().name() + " with the service role");
        return new Grant("exists (select 1 from " + listing.name().sql() + " a where a.\"user_id\" = " + UID + ")", List.of("authenticated"),
                listing.name().name(), List.of(new PersonReach.Lookup(listing, "user_id")));
    }

    /** The words before "can" and the table after "their", for picking one link of several. */
    private static Set<String> saidWith(Who who) {
        Set<String> said = new java.util.LinkedHashSet<>(who.words());
        if (who.parent() != null) said.add(who.parent().name().name());
        return said;
    }

    private static String otherUsers(Catalog.Table t) {
        List<String> others = OwnerColumn.otherUserColumns(t);
        return others.isEmpty() ? "" : "; " + String.join(", ", others) + " references auth.users but does not say who owns a row";
    }
}
