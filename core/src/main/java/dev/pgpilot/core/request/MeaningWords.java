package dev.pgpilot.core.request;

import dev.pgpilot.core.request.ChangeRequest.*;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Function words that say something about the change: "unique", "cascade", "descending",
 * "default", "public", "private", "anonymous", "new bucket". A kind's vocabulary ({@link FrameWords})
 * lets them through so that a frame can read them, but a reading whose changes do not do what the
 * word says has dropped it: "users can upload to their own folder in a new public bucket avatars"
 * read as the folder policy alone loses the bucket. {@link WordAccount} counts such a word as
 * accounted for only when this says the changes reflect it.
 */
final class MeaningWords {
    private MeaningWords() {}

    private static final Pattern BUCKET_ID = Pattern.compile("\"bucket_id\" = '([^']+)'");

    private static final BiPredicate<List<ChangeRequest>, Catalog> UNIQUE = (cs, cat) -> cs.stream().anyMatch(c ->
            c instanceof CreateIndex i && i.unique() || columns(c).stream().anyMatch(ColumnDef::unique));
    private static final BiPredicate<List<ChangeRequest>, Catalog> DESCENDING = (cs, cat) -> cs.stream().anyMatch(c ->
            c instanceof CreateIndex i && !i.descending().isEmpty());
    private static final BiPredicate<List<ChangeRequest>, Catalog> DEFAULT = (cs, cat) -> cs.stream().anyMatch(c ->
            c instanceof SetDefault || c instanceof DropDefault || columns(c).stream().anyMatch(d -> d.defaultSql() != null || d.identity() != null));
    private static final BiPredicate<List<ChangeRequest>, Catalog> PUBLIC = (cs, cat) -> cs.stream().anyMatch(c ->
            c instanceof CreateBucket b && b.isPublic() || c instanceof ChangeBucket cb && Boolean.TRUE.equals(cb.isPublic()) || c instanceof CreatePolicy p && anon(p) || storageBucket(c, cat, true));
    private static final BiPredicate<List<ChangeRequest>, Catalog> PRIVATE = (cs, cat) -> cs.stream().anyMatch(c ->
            c instanceof CreateBucket b && !b.isPublic() || c instanceof ChangeBucket cb && Boolean.FALSE.equals(cb.isPublic()) || storageBucket(c, cat, false));
    private static final BiPredicate<List<ChangeRequest>, Catalog> ANON = (cs, cat) -> cs.stream().anyMatch(c ->
            c instanceof CreatePolicy p && anon(p));
    /** "lower(email)" in an index request; other kinds say "lower" for themselves ("lower the size limit to 8 MB"). */
    private static final BiPredicate<List<ChangeRequest>, Catalog> LOWER = (cs, cat) -> cs.stream().noneMatch(c -> c instanceof CreateIndex)
            || cs.stream().anyMatch(c -> c instanceof CreateIndex i && !i.lowered().isEmpty());
    private static final BiPredicate<List<ChangeRequest>, Catalog> GIN = (cs, cat) -> cs.stream().anyMatch(c ->
            c instanceof CreateIndex i && (i.gin() || i.fullText()));

    /**
     * "their colleagues", "the other members", "who else" in a policy request: a policy asking a function about the
     * row's key ({@link CoMembers}). Other kinds use some of these words for themselves ("at most", "the same value").
     */
    private static final BiPredicate<List<ChangeRequest>, Catalog> FELLOWS = (cs, cat) -> cs.stream().noneMatch(c -> c instanceof CreatePolicy)
            || cs.stream().anyMatch(c -> c instanceof CreatePolicy p && p.using() != null && p.using().matches("[a-z0-9_.\"]+\\(\"[a-z_][a-z0-9_]*\"\\)"));

    /** Each word with what the changes must do for it to be read. */
    private static final Map<String, BiPredicate<List<ChangeRequest>, Catalog>> WORDS = Map.ofEntries(
            Map.entry("unique", UNIQUE),
            Map.entry("cascade", onDelete("cascade")), Map.entry("cascades", onDelete("cascade")), Map.entry("cascading", onDelete("cascade")),
            Map.entry("restrict", onDelete("restrict")),
            Map.entry("desc", DESCENDING), Map.entry("descending", DESCENDING),
            Map.entry("default", DEFAULT), Map.entry("defaults", DEFAULT), Map.entry("defaulting", DEFAULT),
            Map.entry("public", PUBLIC), Map.entry("private", PRIVATE),
            Map.entry("anonymous", ANON), Map.entry("anon", ANON), Map.entry("visitors", ANON),
            Map.entry("even", ANON), Map.entry("out", ANON), Map.entry("logged-out", ANON), Map.entry("signed-out", ANON), Map.entry("guests", ANON),
            Map.entry("guest", ANON), Map.entry("unauthenticated", ANON),
            Map.entry("gin", GIN), Map.entry("lower", LOWER), Map.entry("case-insensitive", LOWER), Map.entry("insensitive", LOWER));

    /**
     * Words of {@link CoMembers}: read only where a policy asks about fellow members, but no cue that a clause says what to do ("who created them");
     * "who" also in "people who are not logged in", for the anon role.
     */
    private static final Map<String, BiPredicate<List<ChangeRequest>, Catalog>> FELLOW_WORDS = Map.ofEntries(
            Map.entry("colleagues", FELLOWS), Map.entry("colleague", FELLOWS), Map.entry("teammates", FELLOWS), Map.entry("teammate", FELLOWS),
            Map.entry("coworkers", FELLOWS), Map.entry("co-workers", FELLOWS), Map.entry("peers", FELLOWS), Map.entry("fellow", FELLOWS),
            Map.entry("other", FELLOWS), Map.entry("same", FELLOWS), Map.entry("who", FELLOWS.or(ANON)), Map.entry("at", FELLOWS));

    /** The object a "new ..." names, by the kinds of change that create one. */
    private static final Map<String, Set<Class<? extends ChangeRequest>>> NEW_OBJECT = Map.of(
            "bucket", Set.of(CreateBucket.class), "table", Set.of(CreateTable.class), "enum", Set.of(CreateEnum.class),
            "type", Set.of(CreateEnum.class), "index", Set.of(CreateIndex.class), "column", Set.of(AddColumn.class, CreateTable.class),
            "field", Set.of(AddColumn.class, CreateTable.class), "policy", Set.of(CreatePolicy.class), "trigger", Set.of(AddUpdatedAtTrigger.class));
    /** Words that may stand between "new" and its object ("a new public storage bucket"). */
    private static final Set<String> BETWEEN_NEW_AND_OBJECT = Set.of("public", "private", "storage", "empty", "separate", "nullable", "optional",
            "required", "unique", "text", "enum", "lookup", "join", "link");

    /** Who a policy is for, and words that narrow or negate: a clause holding one says what to do, never only why. */
    private static final Set<String> SCOPE = Set.of("anon", "anonymous", "public", "everyone", "anyone", "everybody", "visitors", "authenticated",
            "admins", "admin", "members", "signed-in", "logged-in", "not", "no", "never", "only", "except", "unless", "without", "but", "nobody", "new");

    /** True when the word changes what a migration does wherever it stands ("for anon users" is no purpose clause). */
    static boolean saysWhat(String word) {
        return WORDS.containsKey(word) || SCOPE.contains(word) || word.equals("bucket") || word.equals("policy");
    }

    /** False when the token at i is a meaning word the changes do not reflect; true for every other token. */
    static boolean reflected(List<Tok> toks, int i, List<ChangeRequest> changes, Catalog catalog) {
        Tok t = toks.get(i);
        if (t.is("new")) return newObjectCreated(toks, i, changes);
        if (t.is("default") && noDefault(toks, i)) return true; // "nullable, no default" asks for none

        BiPredicate<List<ChangeRequest>, Catalog> p = WORDS.getOrDefault(t.text(), FELLOW_WORDS.get(t.text()));
        return p == null || p.test(changes, catalog);
    }

    private static boolean noDefault(List<Tok> toks, int i) {
        return i > 0 && toks.get(i - 1).is("no", "without") || i > 1 && toks.get(i - 1).is("a") && toks.get(i - 2).is("without");
    }

    /** "a new bucket avatars": some change creates a bucket; "new rows", "new tasks" name no object and pass. */
    private static boolean newObjectCreated(List<Tok> toks, int i, List<ChangeRequest> changes) {
        for (int k = i + 1; k < toks.size() && k <= i + 3; k++) {
            Set<Class<? extends ChangeRequest>> kinds = NEW_OBJECT.get(toks.get(k).text());
            if (kinds != null) return changes.stream().anyMatch(c -> kinds.contains(c.getClass()));
            if (!BETWEEN_NEW_AND_OBJECT.contains(toks.get(k).text())) return true;
        }
        return true;
    }

    private static BiPredicate<List<ChangeRequest>, Catalog> onDelete(String action) {
        return (cs, cat) -> cs.stream().anyMatch(c -> c instanceof AddForeignKey f && action.equals(f.onDelete())
                || c instanceof ChangeOnDelete d && action.equals(d.onDelete())
                || columns(c).stream().anyMatch(d -> d.references() != null && action.equals(d.references().onDelete())));
    }

    /** The columns a change defines (an added column, a new table's). */
    private static List<ColumnDef> columns(ChangeRequest c) {
        if (c instanceof AddColumn a) return List.of(a.column());
        if (c instanceof CreateTable t) return t.columns();
        return List.of();
    }

    private static boolean anon(CreatePolicy p) {
        return p.roles().contains("anon") || p.roles().contains("public");
    }

    /** A storage policy on a bucket that exists and is (or is not) public: "the public bucket listing-photos" describes it. */
    private static boolean storageBucket(ChangeRequest c, Catalog catalog, boolean isPublic) {
        if (!(c instanceof CreatePolicy p) || !p.table().display().equals("storage.objects") || p.using() == null && p.withCheck() == null) return false;
        String filter = p.using() != null ? p.using() : p.withCheck();
        List<String> ids = new ArrayList<>();
        Matcher m = BUCKET_ID.matcher(filter);
        while (m.find()) ids.add(m.group(1));
        return ids.stream().anyMatch(id -> catalog.bucket(id).map(b -> b.isPublic() == isPublic).orElse(false));
    }
}
