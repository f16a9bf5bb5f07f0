package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;

import dev.pgpilot.core.request.ChangeRequest.CreatePolicy;
import dev.pgpilot.core.request.RequestLexer.Tok;
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

    static final Set<String> WORDS = Set.of("users", "user", "authors", "author", "owners", "owner", "members", "member", "admins", "admin",
            "administrators", "everyone", "anyone", "public", "anonymous", "people", "read", "see", "view", "select", "list", "create", "insert",
            "update", "edit", "modify", "delete", "remove", "manage", "own", "their", "can", "may", "only", "all", "organization", "org", "team",
            "workspace", "published", "write", "access", "change", "themselves", "they", "them", "assigned", "but", "nobody", "else",
            "readable", "visible", "viewable", "browse", "log", "book", "send", "make", "hand", "record", "records", "first", "whose", "listed",
            "colleagues", "colleague", "teammates", "teammate", "coworkers", "co-workers", "peers", "fellow", "other", "same", "who", "at",
            "reads", "sees", "views", "manages", "browses");

    /** PERSON: someone the schema links to rows by name ("doctors", "patients", "staff", "sellers"): {@link PersonReach}. */
    enum Subject { OWNER, PERSON, ROLE, SIGNED_IN, PUBLIC, MEMBERS, ADMINS, RIGHTS }

    /** Words before "can" that never name a person of the schema. */
    private static final Set<String> NOT_A_PERSON = Set.of("users", "user", "people", "only", "the", "a", "an", "all", "any", "every", "signed-in", "signed",
            "in", "logged-in", "logged", "authenticated", "and", "or", "of", "should", "be", "to", "able", "allowed", "must", "who", "are", "is");

    private final Catalog catalog;
    private final NameLinks names;
    private final PolicyRows rows;
    private final PersonReach people;
    private final PolicyGrants grants;
    private final RightsColumn rights;
    private final CoMembers fellows;
    private final RoleHolders roles;

    PolicyPhrases(Catalog catalog) {
        this.catalog = catalog;
        this.names = new NameLinks(catalog);
        this.rows = new PolicyRows(catalog, new Conditions(names));
        this.people = new PersonReach(catalog);
        this.grants = new PolicyGrants(catalog);
        this.rights = new RightsColumn(catalog);
        this.fellows = new CoMembers(catalog);
        this.roles = new RoleHolders(catalog);
    }

    /** A bucket named before a colon, read as the bucket the policy is in ({@link StoragePolicies#bucketTopic}). */
    Words bucketTopic(Words w) {
        return StoragePolicies.bucketTopic(catalog, w);
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

    /** The first word before "can" that names a person the schema links to rows ("doctors", "staff"), or null. */
    private String person(Set<String> who) {
        for (String word : who) if (!NOT_A_PERSON.contains(word) && word.length() > 2 && people.names(word)) return word;
        return null;
    }

    Subject subject(Words w) {
        int can = w.indexOfAny(CAN);
        Set<String> who = who(w);
        List<Tok> after = w.sub(can + 1, w.size());
        boolean theirs = after.stream().anyMatch(t -> t.is("own", "their", "themselves")) || assignedToThem(after);
        // "users whose profiles.role is 'admin'", "staff (profiles.is_staff)", "users listed in admins": the request says where the right is
        if (rights.names(w.sub(0, can))) return Subject.RIGHTS;
        if (who.contains("admins") || who.contains("admin") || who.contains("administrators")) return Subject.ADMINS;
        if (who.contains("members") || who.contains("member")) return Subject.MEMBERS;
        if (SignedOutWords.said(w.sub(0, can)) || who.contains("everyone") || who.contains("anyone") || who.contains("public") || who.contains("anonymous") || who.contains("everybody") || who.contains("visitors")) return Subject.PUBLIC;
        if (who.contains("owners") || who.contains("authors") || who.contains("creators")) return Subject.OWNER;
        if (person(who) != null) return Subject.PERSON;
        if (roles.word(List.copyOf(who)) != null) return Subject.ROLE;
        boolean users = who.contains("users") || who.contains("user") || who.contains("people");
        if (users && (who.contains("signed-in") || who.contains("signed") || who.contains("logged-in") || who.contains("logged") || who.contains("authenticated"))) {
            return theirs ? Subject.OWNER : Subject.SIGNED_IN;
        }
        if (users || w.has("own")) return theirs ? Subject.OWNER : Subject.SIGNED_IN;
        return null;
    }

    List<ChangeRequest> parse(Words w) {
        PolicyVerbs.refuseNegation(w);
        Subject subject = subject(w);
        int can = w.indexOfAny(CAN);
        // "only admins can ...", and "users can only send messages as themselves"
        boolean only = w.sub(0, can).stream().anyMatch(t -> t.is("only")) || can + 1 < w.size() && w.tok(can + 1).is("only");
        List<Tok> what = w.sub(can + 1, w.size());
        int exclusive = PolicyVerbs.exclusiveTail(what);
        if (exclusive >= 0) {
            // "... but nobody else's": the grant is theirs alone, as "only" says it
            what = what.subList(0, exclusive);
            only = true;
        }
        Set<String> commands = PolicyVerbs.commands(what);
        if (w.has("bucket") || w.has("folder") || w.has("folders") || StoragePolicies.namesBucket(catalog, what)) {
            return new StoragePolicies(catalog).parse(subject, subject == Subject.ROLE ? roles.word(List.copyOf(who(w))) : person(who(w)), commands, what, only);
        }
        PolicyVerbs.refuseEverythingAsObject(what);
        Catalog.Table t = policyTable(what);
        // "members can book sessions for themselves": a row of bookings naming them, for a session
        Optional<Catalog.Table> booked = rows.nominalTable(t, what);
        if (booked.isPresent() && what.stream().anyMatch(x -> x.is("themselves")) && ownRowOf(subject, who(w), booked.get())) t = booked.get();
        rows.refuseNominalTable(t, what);
        if (commands.isEmpty()) throw refuse("can do what with " + t.name().name() + "?", "say read, create, update or delete");
        Optional<CoMembers.Link> fellow = subject == Subject.MEMBERS || subject == Subject.PERSON ? fellows.link(who(w), what, t) : Optional.empty();
        if (fellow.isPresent()) {
            List<ChangeRequest> out = new ArrayList<>(fellows.policies(fellow.get(), commands, rows.condition(fellow.get().table(), what)));
            CreatePolicy p = (CreatePolicy) out.get(out.size() - 1);
            if (only) out.add(onlyPolicy(fellow.get().table(), "select", "members", p.using(), null));
            return out;
        }
        String actor = actor(t, what);
        if (actor != null && subject == Subject.SIGNED_IN) subject = Subject.OWNER;
        // "they" and "but" are read only as "the rows they booked", "assigned to them" and "but nobody else's"
        if (actor == null && (what.stream().anyMatch(x -> x.is("they") && x.word()) || assignedToThem(what) && subject != Subject.PERSON)) {
            throw refuse("whose " + t.name().name() + " are \"theirs\" in \"" + w.text() + "\"? no column of " + t.name().name() + " says who did that",
                    "name the column, e.g. \"users can read " + t.name().name() + " where user_id ...\", or say \"their own " + t.name().name() + "\"");
        }
        what.stream().filter(x -> x.is("but") && x.word()).findFirst().ifPresent(x -> {
            throw refuse("did not understand \"but\" in \"" + w.text() + "\"", "say what is granted, one request at a time; a policy only grants");
        });
        String noun = subject == Subject.ROLE ? roles.word(List.copyOf(who(w))) : person(who(w));
        PolicyGrants.Who who = new PolicyGrants.Who(subject, who(w), w.sub(0, can), noun, parent(what, t), actor);
        PolicyRows.Rows which = rows.condition(t, what);
        String condition = which.filter();
        Optional<String> rightsOfT = RightsTables.why(catalog, t);
        String table = t.name().name();
        List<ChangeRequest> out = new ArrayList<>();
        Set<PersonReach.Lookup> lookups = new LinkedHashSet<>();
        for (String cmd : commands) {
            PolicyGrants.Grant g = grants.grant(who, t, cmd, rightsOfT);
            lookups.addAll(g.lookups());
            // the function the policies call comes first: a policy cannot name a function that does not exist yet
            if (g.function() != null && !out.contains(g.function())) out.add(0, g.function());
            String rows = condition == null ? g.rows() : g.rows().equals("true") ? condition : g.rows() + " and " + condition;
            String using = cmd.equals("insert") ? null : rows;
            String check = cmd.equals("insert") ? rows : cmd.equals("update") ? g.rows() : null;
            String self = asThemselves(subject, t, what, actor, g.rows());
            if (check != null && self != null) check = check + " and " + self;
            out.add(new CreatePolicy(t.name(), trim63(table + "_" + cmd + "_" + g.tag()), cmd, g.roles(), using, check,
                    !t.rls() && out.stream().noneMatch(c -> c instanceof CreatePolicy), false, which.everyRow() == null ? null : "\"" + which.everyRow() + "\": no filter on that, every row the policy reaches",
                    which.everyRow()));
            if (only) out.add(onlyPolicy(t, cmd, g.tag(), using, check));
        }
        for (PersonReach.Lookup l : lookups) {
            lookupPolicy(l.table(), l.userColumn()).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Under RLS a lookup sees only the rows its own select policies let through: with none that lets
     * users see their own rows there, the policy above would grant nothing, so they get that one.
     */
    static Optional<CreatePolicy> lookupPolicy(Catalog.Table l, String own) {
        if (!l.rls() || own == null) return Optional.empty();
        // a policy comparing the row's own user column with auth.uid() (no lookup of other tables) shows users their rows
        boolean seesOwn = l.policies().stream().map(p -> p.covers("select") && p.permissive() && p.using() != null ? p.using().toLowerCase(java.util.Locale.ROOT) : "")
                .anyMatch(u -> u.equals("true") || u.contains("auth.uid()") && u.contains(own) && !u.contains(" from "));
        if (seesOwn) return Optional.empty();
        String tag = OwnerColumn.isOwnerName(own) || own.equals("id") ? "own" : own.replaceAll("_id$", "");
        return Optional.of(new CreatePolicy(l.name(), trim63(l.name().name() + "_select_" + tag), "select", List.of("authenticated"), UID + " = " + Quote.ident(own), null,
                false, false, l.name().name() + " has row level security and no policy that shows users their own rows by " + own
                        + ": the policies above read it, so users see those rows there"));
    }

    /**
     * "members can add comments to tasks in their projects, as themselves": the new row must name the user as its
     * owner (comments.author_id), besides being a member's. Null when "themselves" is not said, or the grant already
     * is the user's own column; refused when no column of t could say it is them.
     */
    private static String asThemselves(Subject subject, Catalog.Table t, List<Tok> what, String actor, String grant) {
        // a person's reach (patients by their patient row) is already their own rows; a group's (members of a project) is not
        if (actor != null || subject != Subject.MEMBERS || grant.startsWith(UID + " = ")) return null;
        Optional<String> owner = t.ownerColumn();
        // a member never writes a row in another user's name, "as themselves" said or not (a clause after a comma may be set aside)
        if (owner.isPresent()) return UID + " = " + Quote.ident(owner.get());
        if (what.stream().noneMatch(x -> x.is("themselves") && x.word())) return null;
        throw refuse("who are \"themselves\" on " + t.name().name() + "? no column of it says who a row is by",
                "add one first: \"add author_id references auth.users to " + t.name().name() + "\", or leave \"themselves\" out");
    }

    /** True when the subject's own rows of t are said by a user column of t: "members" by member_id, users by its owner column. */
    private boolean ownRowOf(Subject subject, Set<String> who, Catalog.Table t) {
        if (subject == Subject.MEMBERS) return people.userColumn("members", t).isPresent();
        if (subject == Subject.PERSON) return person(who) != null && people.userColumn(person(who), t).isPresent();
        return subject == Subject.OWNER && t.ownerColumn().isPresent();
    }

    /** The table after "their" ("the rooms of their clinic", "prescriptions for their own appointments") when it is not the policy's table, or null. */
    private Catalog.Table parent(List<Tok> what, Catalog.Table t) {
        for (int i = 0; i + 1 < what.size(); i++) {
            if (!what.get(i).is("their", "his", "her")) continue;
            int j = what.get(i + 1).is("own") ? i + 2 : i + 1;
            if (j >= what.size()) continue;
            Optional<Catalog.Table> p = catalog.findTable(what.get(j).text()).filter(x -> x != t);
            if (p.isPresent()) return p.get();
        }
        return null;
    }

    private static boolean assignedToThem(List<Tok> what) {
        for (int i = 0; i + 2 < what.size(); i++) if (what.get(i).is("assigned") && what.get(i + 1).is("to") && what.get(i + 2).is("them")) return true;
        return false;
    }

    /**
     * The user column the request names by what its user did: "the appointments they booked" (booked_by),
     * "the tasks assigned to them" (assignee_id or assigned_to); or null.
     */
    private String actor(Catalog.Table t, List<Tok> what) {
        List<String> users = OwnerColumn.userKeys(catalog, t);
        for (int i = 0; i + 1 < what.size(); i++) {
            if (!what.get(i).is("they")) continue;
            String verb = what.get(i + 1).text();
            // "the recipes they created" (created_by), "the items they sell" (seller_id), "the events they host" (host_id)
            for (String agent : List.of(verb + "_by", (verb.endsWith("e") ? verb + "r" : verb + "er") + "_id", verb + "_id")) {
                if (what.get(i + 1).word() && users.contains(agent)) return agent;
            }
            if (what.get(i + 1).is("own") && t.ownerColumn().isPresent()) return t.ownerColumn().get();
        }
        // "users can send messages as themselves": the sender is the one who sends
        if (t.ownerColumn().isEmpty() && what.stream().anyMatch(x -> x.is("themselves"))) {
            for (Tok v : what) {
                if (!v.word() || PolicyVerbs.commands(List.of(v)).isEmpty()) continue;
                String agent = (v.text().endsWith("e") ? v.text() + "r" : v.text() + "er") + "_id";
                if (users.contains(agent)) return agent;
            }
        }
        if (assignedToThem(what)) {
            List<String> assignees = users.stream().filter(c -> c.startsWith("assign")).toList();
            if (assignees.size() == 1) return assignees.get(0);
        }
        return null;
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

    /** The table a policy is about: "their organization's customers" and "customers of their organization" both mean customers. */
    private Catalog.Table policyTable(List<Tok> what) {
        List<Catalog.Table> plain = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            Tok t = what.get(i);
            if (!t.word()) continue;
            if (PolicyRows.isCondition(t)) break;
            // "invoice items", "API keys": two words naming one table (invoice_items) name it, not the first word's table
            Optional<Catalog.Table> two = i + 1 < what.size() && what.get(i + 1).word() ? catalog.findTable(t.text() + "_" + what.get(i + 1).text()) : Optional.empty();
            Optional<Catalog.Table> ct = two.isPresent() ? two : catalog.findTable(t.text());
            int before = i > 1 && what.get(i - 1).is("own") ? i - 2 : i - 1;
            boolean possessive = before >= 0 && what.get(before).is("their", "his", "her", "your", "my", "our");
            if (ct.isPresent() && !possessive) plain.add(ct.get());
            if (two.isPresent()) i++;
        }
        // the verb's object comes first: "the announcements of published courses", "offers ... on active listings"
        return plain.isEmpty() ? names.lastTable(what) : plain.get(0);
    }
}
