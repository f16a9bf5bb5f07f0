package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;

import dev.pgpilot.core.request.ChangeRequest.CreatePolicy;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import dev.pgpilot.core.request.PolicyPhrases.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Policies on storage.objects for one bucket: "users can upload to their own folder in the
 * avatars bucket" (the first path segment is the user's id, as Supabase's examples do it),
 * "anyone can read files in the avatars bucket". Other buckets are never touched: every filter
 * starts with the bucket.
 */
final class StoragePolicies {
    private static final Set<String> NOT_A_NAME = Set.of("the", "a", "an", "their", "own", "in", "to", "from", "of", "storage", "bucket", "called", "named", "files", "file",
            "and", "or", "for", "with", "where");
    private final Catalog catalog;

    /** The folder names a subject reaches (ids as text), the table that query reads, and its column that is the user. */
    private record Keys(Catalog.Table table, String ids, String userColumn) {}

    StoragePolicies(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * "avatars: users can read their own files": a bucket the database has, named before a colon as the topic, is read
     * as "users can read their own files in avatars" (the same words, the bucket moved to the end).
     */
    static Words bucketTopic(Catalog catalog, Words w) {
        if (w.size() < 4 || !w.tok(1).is(":") || w.tok(1).kind() != Kind.SYMBOL || catalog.bucket(w.tok(0).raw()).isEmpty()) return w;
        List<Tok> out = new ArrayList<>(w.all().subList(2, w.size()));
        out.add(new Tok(Kind.WORD, "in", "in"));
        out.add(w.tok(0));
        return new Words(out, w.source());
    }

    /** True when the words name a bucket the database has ("files in listing-photos"). */
    static boolean namesBucket(Catalog catalog, List<Tok> what) {
        // a bucket named like a table ("submissions") is the bucket only when the request speaks of files
        boolean files = what.stream().anyMatch(t -> t.is("files", "file"));
        return what.stream().anyMatch(t -> t.word() && catalog.bucket(t.raw()).isPresent() && (files || catalog.findTable(t.text()).isEmpty()));
    }

    /**
     * @param person the noun of a PERSON subject ("patients"), or null: a person with a table of their
     * own (patients.user_id) uploads to their folder only while they are one
     */
    List<ChangeRequest> parse(Subject subject, String person, Set<String> commands, List<Tok> what, boolean only) {
        String bucket = bucketName(what);
        Catalog.Table objects = catalog.findTable("storage.objects")
                .orElseThrow(() -> refuse("this database has no storage.objects table (Supabase storage)", "storage policies need Supabase's storage schema"));
        if (commands.isEmpty()) throw refuse("can do what with the files in bucket " + bucket + "?", "say read, upload, update or delete");
        String inBucket = "\"bucket_id\" = " + Quote.literal(bucket);
        List<ChangeRequest> out = new ArrayList<>(newBucket(what, bucket));
        Set<ChangeRequest> lookups = new LinkedHashSet<>();
        for (String cmd : commands) {
            String rows;
            List<String> roles = List.of("authenticated");
            String tag;
            Optional<Catalog.Table> place = subject == Subject.MEMBERS ? Optional.empty() : placeFolder(what);
            if (place.isPresent()) {
                // "their store's folder": the first folder is the id of a row the user reaches, never their own id
                Keys keys = placeKeys(subject, person, place.get(), bucket);
                rows = inBucket + " and (storage.foldername(\"name\"))[1] in (" + keys.ids() + ")";
                tag = (subject == Subject.OWNER ? "owner" : Inflect.singular(person)) + "_" + Inflect.singular(place.get().name().name()) + "_folder";
                PolicyPhrases.lookupPolicy(keys.table(), keys.userColumn()).ifPresent(lookups::add);
            } else switch (subject) {
                case OWNER, PERSON -> {
                    // the object's path starts with the uploader's id: avatars/<uid>/photo.png
                    rows = inBucket + " and (storage.foldername(\"name\"))[1] = " + PolicyPhrases.UID + "::text";
                    // "sellers can upload ...": the name says whose folder, so every word of the request is in the policy
                    tag = subject == Subject.PERSON ? Inflect.singular(person) + "_folder" : "own_folder";
                    Optional<Catalog.Table> people = subject == Subject.PERSON ? catalog.findTable(person).filter(p -> p.ownerColumn().isPresent()) : Optional.empty();
                    if (people.isPresent()) {
                        Catalog.Table p = people.get();
                        rows += " and exists (select 1 from " + p.name().sql() + " x where x." + Quote.ident(p.ownerColumn().get()) + " = " + PolicyPhrases.UID + ")";
                        PolicyPhrases.lookupPolicy(p, p.ownerColumn().get()).ifPresent(lookups::add);
                    }
                }
                case MEMBERS -> {
                    // the first folder is the id of a parent the user is a member of: org-files/<org id>/plan.pdf
                    Membership m = memberFolder(what, bucket);
                    rows = inBucket + " and (storage.foldername(\"name\"))[1] in (select m." + Quote.ident(m.key()) + "::text from " + m.link().name().sql()
                            + " m where m.\"user_id\" = " + PolicyPhrases.UID + ")";
                    tag = "members";
                    PolicyPhrases.lookupPolicy(m.link(), "user_id").ifPresent(lookups::add);
                }
                case PUBLIC, SIGNED_IN -> {
                    if (!cmd.equals("select")) throw refuse("refusing " + cmd + " in bucket " + bucket + " for " + (subject == Subject.PUBLIC ? "everyone" : "every signed-in user")
                            + ": anyone could overwrite or delete anyone's files", "say \"users can " + verb(cmd) + " their own folder in the " + bucket + " bucket\"");
                    rows = inBucket;
                    if (subject == Subject.PUBLIC) roles = List.of("anon", "authenticated");
                    tag = subject == Subject.PUBLIC ? "public" : "signed_in";
                }
                case ADMINS -> {
                    Catalog.Table admins = RightsTables.admins(catalog).orElseThrow(() -> refuse("no admin table found (a table named like admins with a user_id column)",
                            "create it first: \"create table admins with user_id references auth.users\" (add admins with the service role)"));
                    rows = inBucket + " and exists (select 1 from " + admins.name().sql() + " a where a.\"user_id\" = " + PolicyPhrases.UID + ")";
                    tag = "admins";
                }
                default -> throw refuse("who are " + subject.name().toLowerCase(java.util.Locale.ROOT) + " in bucket " + bucket + "?", "write the policy by hand: pgpilot new --empty NAME");
            }
            String using = cmd.equals("insert") ? null : rows;
            String check = cmd.equals("insert") || cmd.equals("update") ? rows : null;
            String name = trim63(bucket.replaceAll("[^a-z0-9_]+", "_") + "_" + cmd + "_" + tag);
            // storage.objects belongs to Supabase, which keeps RLS on: never turn it on or off from here
            out.add(new CreatePolicy(objects.name(), name, cmd, roles, using, check, false, false, null));
            if (only) {
                // restrict this bucket only: files in other buckets keep the policies they have
                String u = using == null ? null : "\"bucket_id\" <> " + Quote.literal(bucket) + " or (" + using + ")";
                String c = check == null ? null : "\"bucket_id\" <> " + Quote.literal(bucket) + " or (" + check + ")";
                CreatePolicy p = PolicyPhrases.onlyPolicy(objects, cmd, tag, u, c);
                out.add(new CreatePolicy(p.table(), trim63(bucket.replaceAll("[^a-z0-9_]+", "_") + "_" + cmd + "_only_" + tag), cmd, p.roles(), u, c, false, true, p.note()));
            }
        }
        out.addAll(lookups);
        return out;
    }

    /** "their store's folder", "the folder of their project": the table after "their" when the request speaks of folders; else empty. */
    private Optional<Catalog.Table> placeFolder(List<Tok> what) {
        if (what.stream().noneMatch(t -> t.is("folder", "folders"))) return Optional.empty();
        for (int i = 0; i + 1 < what.size(); i++) {
            if (!what.get(i).is("their") || what.get(i + 1).is("own")) continue;
            Optional<Catalog.Table> p = catalog.findTable(what.get(i + 1).text()).filter(x -> x.name().schema().equals("public"));
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    /**
     * The ids of the place's rows the subject reaches, as text (a folder name), and the table the query reads: the place's
     * own owner (their company's folder), the person's rows keyed to it (staff.store_id), or the rows of the role there.
     */
    private Keys placeKeys(Subject subject, String person, Catalog.Table place, String bucket) {
        String name = place.name().name();
        if (subject == Subject.OWNER) {
            String owner = place.ownerColumn().orElseThrow(() -> refuse("whose " + name + " are \"theirs\"? " + name + " has no owner column",
                    "say who reaches them, e.g. \"members can read the files of their " + Inflect.singular(name) + " in " + bucket + "\""));
            String id = place.columns().containsKey("id") ? "id" : owner;
            return new Keys(place, "select p." + Quote.ident(id) + "::text from " + place.name().sql() + " p where p." + Quote.ident(owner) + " = " + PolicyPhrases.UID, owner);
        }
        List<Keys> found = new ArrayList<>();
        if (subject == Subject.ROLE) {
            for (RoleHolders.Holder h : new RoleHolders(catalog).holders(person)) {
                keyTo(h.link(), place).ifPresent(k -> found.add(new Keys(h.link(), "select m." + Quote.ident(k) + "::text from " + h.link().name().sql()
                        + " m where m." + Quote.ident(h.userColumn()) + " = " + PolicyPhrases.UID + " and m." + Quote.ident(h.roleColumn()) + " = " + Quote.literal(h.value()),
                        h.userColumn())));
            }
        } else if (subject == Subject.PERSON) {
            catalog.findTable(person).filter(p -> p.ownerColumn().isPresent()).ifPresent(p -> keyTo(p, place).ifPresent(k -> found.add(new Keys(p,
                    "select x." + Quote.ident(k) + "::text from " + p.name().sql() + " x where x." + Quote.ident(p.ownerColumn().get()) + " = " + PolicyPhrases.UID,
                    p.ownerColumn().get()))));
        }
        if (found.size() == 1) return found.get(0);
        String who = person == null ? subject.name().toLowerCase(java.util.Locale.ROOT) : person;
        throw refuse(found.isEmpty() ? "the schema links no " + who + " to a " + Inflect.singular(name) + ", so their " + Inflect.singular(name) + "'s folder in " + bucket + " is no one's"
                : who + " reach a " + Inflect.singular(name) + " through " + String.join(" and ", found.stream().map(l -> l.table().name().name()).toList()) + ": which one?",
                "write the policy by hand: pgpilot new --empty NAME");
    }

    /** The one column of t that is a key to place, if t has exactly one. */
    private static Optional<String> keyTo(Catalog.Table t, Catalog.Table place) {
        List<String> keys = t.constraints().stream().filter(c -> c.type().equals("f") && c.columns().size() == 1 && place.name().equals(c.references()))
                .map(c -> c.columns().get(0)).toList();
        return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
    }

    /** "the files of their organization", "their organization's folder": a link table with user_id and a key to the table after "their". */
    private Membership memberFolder(List<Tok> what, String bucket) {
        for (int i = 0; i + 1 < what.size(); i++) {
            if (!what.get(i).is("their")) continue;
            Optional<Catalog.Table> parent = catalog.findTable(what.get(i + 1).text()).filter(p -> p.name().schema().equals("public"));
            if (parent.isEmpty()) continue;
            List<Membership> links = new ArrayList<>();
            for (Catalog.Table l : catalog.tables().values()) {
                if (!l.name().schema().equals("public") || !l.columns().containsKey("user_id")) continue;
                l.constraints().stream().filter(c -> c.type().equals("f") && c.columns().size() == 1 && parent.get().name().equals(c.references()))
                        .forEach(c -> links.add(new Membership(l, c.columns().get(0))));
            }
            List<Membership> members = links.stream().filter(m -> RightsTables.byName(m.link().name().name())).toList();
            if (members.size() == 1) return members.get(0);
            if (members.size() > 1) throw refuse("members of " + parent.get().name().name() + " are listed in " + String.join(" and ", members.stream().map(m -> m.link().name().name()).toList())
                    + ": which one says who may use " + bucket + "?", "write the policy by hand: pgpilot new --empty NAME");
        }
        throw refuse("members of what? the folders of " + bucket + " need a parent the user is a member of",
                "e.g. \"members can read the files of their organization in " + bucket + "\" (the first folder is the organization's id)");
    }

    /**
     * "... in a new public bucket avatars": the bucket the policy is for, created by the same
     * migration. A bucket that is not there and not asked for is refused (a policy on it would
     * guard nothing), and so is a "new" bucket that exists.
     */
    private List<ChangeRequest> newBucket(List<Tok> what, String bucket) {
        boolean exists = catalog.bucket(bucket).isPresent();
        int at = -1;
        for (int i = 0; i < what.size(); i++) if (what.get(i).is("bucket") && what.get(i).kind() != Kind.QUOTED) at = i;
        boolean asked = false;
        for (int i = Math.max(0, at - 3); at >= 0 && i < at; i++) asked |= what.get(i).is("new");
        if (exists && asked) throw refuse("bucket " + bucket + " already exists", "leave out \"new\" to add the policy to it");
        if (exists) return List.of();
        if (!asked) throw refuse("there is no bucket " + bucket,
                "say \"... in a new bucket " + bucket + "\" to create it with the policy, or create it first: \"create a private bucket " + bucket + "\"");
        boolean pub = what.stream().anyMatch(t -> t.is("public")) && what.stream().noneMatch(t -> t.is("private"));
        return List.of(new ChangeRequest.CreateBucket(bucket, pub, null, List.of()));
    }

    private static String verb(String cmd) {
        return cmd.equals("insert") ? "upload to" : cmd + " files in";
    }

    /** "in the avatars bucket", "in bucket 'avatars'", "to the bucket called avatars". */
    private String bucketName(List<Tok> what) {
        Optional<Tok> known = what.stream().filter(t -> t.word() && catalog.bucket(t.raw()).isPresent()).findFirst();
        if (known.isPresent()) return known.get().raw();
        int at = -1;
        for (int i = 0; i < what.size(); i++) if (what.get(i).is("bucket") && what.get(i).kind() != Kind.QUOTED) at = i;
        if (at < 0) throw refuse("which bucket?", "e.g. \"users can upload to their own folder in the avatars bucket\"");
        String id = null;
        for (int i = at + 1; i < what.size() && id == null; i++) {
            Tok t = what.get(i);
            if (t.kind() == Kind.QUOTED || t.word() && !NOT_A_NAME.contains(t.text())) id = t.kind() == Kind.QUOTED ? t.text() : t.raw();
            else if (!t.is("called", "named")) break;
        }
        for (int i = at - 1; i >= 0 && id == null; i--) {
            Tok t = what.get(i);
            if (t.kind() == Kind.QUOTED || t.word() && !NOT_A_NAME.contains(t.text())) id = t.kind() == Kind.QUOTED ? t.text() : t.raw();
            else break;
        }
        if (id == null) throw refuse("which bucket?", "e.g. \"users can upload to their own folder in the avatars bucket\"");
        if (!id.matches("^[a-z0-9][a-z0-9._-]{1,62}$")) throw refuse("not a valid bucket name: " + Quote.oneLine(id), "use lower-case letters, digits, - . _");
        return id;
    }
}
