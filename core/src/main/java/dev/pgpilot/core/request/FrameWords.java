package dev.pgpilot.core.request;

import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The function words each kind of change may use besides the names and values it carries: what a
 * request may say about that change without leaving a word unexplained. A word outside these sets
 * that the change does not carry is refused by {@link WordAccount}.
 */
final class FrameWords {
    private FrameWords() {}

    /** Politeness, articles and connectives any request may use. */
    static final Set<String> GENERIC = Set.of("a", "an", "the", "please", "pls", "kindly", "also", "i", "we", "you", "can", "could", "would",
            "want", "wants", "need", "needs", "like", "to", "just", "now", "let", "lets", "us", "it", "its", "this", "that", "these", "those", "of",
            "and", "on", "in", "for", "from", "with", "is", "are", "be", "by", "as", "our", "my", "their", "new", "table", "tables", "column",
            "columns", "field", "fields", "called", "named", "me", "do", "does", "go", "ahead", "thanks", "thank", "hey", "hi", "ok", "okay",
            "then", "too", "there", "here", "into", "which", "should", "must", "will", "shall", "each", "every", "some", "make", "have", "has");

    private static final Set<String> COLUMN = Set.of("add", "introduce", "create", "include", "store", "track", "keep", "record", "give", "put",
            "require", "requires", "get", "able", "attribute", "property", "nullable", "optional", "null", "not", "required", "mandatory",
            "non-null", "non-nullable", "unique", "default", "defaulting", "defaults", "value", "references", "referencing", "refs", "pointing",
            "linked", "linking", "delete", "cascade", "set", "restrict", "no", "action", "array", "list", "type", "typed", "true", "false",
            "yes", "off", "today", "zero", "empty", "object", "string", "map", "holding", "storing", "containing", "primary", "key", "users", "user",
            "auth.users", "current_timestamp", "current_date", "text", "json", "jsonb", "id", "place", "spot", "slot", "room", "space", "somewhere",
            "current", "signed-in", "logged-in", "signed", "logged", "col", "may", "always", "but", "without", "counter");

    private static final Set<String> INDEX = Set.of("index", "indexes", "add", "create", "speed", "up", "lookups", "lookup", "searches", "search",
            "searching", "searchable", "faster", "fast", "query", "queries", "where", "when", "if", "only", "not", "null", "equals", "equal",
            "composite", "multi-column", "gin", "full", "text", "full-text", "fulltext", "btree", "unique", "distinct", "no", "duplicate",
            "duplicates", "constraint", "true", "false", "set", "present", "known", "filled", "greater", "above", "over", "more", "less",
            "below", "under", "than", "partial", "allow", "allowed", "same", "twice", "once", "<", ">", "=", "!=", "<>", ">=", "<=",
            "desc", "descending", "asc", "ascending", "newest", "latest", "most", "recent", "oldest", "earliest", "first", "looking",
            "per", "within", "one", "each", "means", "often", "filter", "filtering", "double-booked", "double-booking",
            // a need said instead of an index ("lookups of patients by email are slow", "we filter orders by status a lot")
            "slow", "slowly", "we", "lot", "are", "is", "too", "really", "very", "frequently", "filters", "sort", "sorts", "sorting", "querying",
            "look", "find", "finding", "rows", "ones", "records", "entries", "lower", "case-insensitive", "case", "insensitive",
            "foreign", "keys", "key", "fks", "fk", "all", "every");

    private static final Set<String> DROP = Set.of("drop", "remove", "delete", "destroy", "get", "rid", "kill", "eliminate", "purge", "erase",
            "not", "anymore", "any", "more", "longer", "no", "don't", "default", "nothing", "null");

    /** "index" names what a drop removes: a dropped column or table does not account for it ("drop the index on tasks.title" is no DROP COLUMN). */
    private static final Set<String> DROP_INDEX = Set.of("index", "indexes");

    private static final Set<String> RENAME = Set.of("rename", "call", "retitle", "change", "name", "renamed", "instead");

    private static final Set<String> ALTER_TYPE = Set.of("change", "alter", "convert", "switch", "type", "data", "datatype", "set", "turn",
            "instead", "array", "list");

    private static final Set<String> DEFAULT = Set.of("default", "defaults", "defaulting", "set", "=", "value", "drop", "remove", "delete", "nothing",
            "null", "true", "false", "yes", "no", "off", "today", "zero", "empty", "object", "array", "string", "current_timestamp", "current_date",
            "current", "signed-in", "logged-in", "signed", "logged", "user", "change", "start", "starts");

    private static final Set<String> NOT_NULL = Set.of("require", "required", "mandatory", "not", "null", "optional", "nullable", "allow", "nulls",
            "always", "set", "non-null", "empty", "blank", "missing", "allowed", "may", "left", "anymore", "longer");

    private static final Set<String> CHECK = Set.of("non-negative", "nonnegative", "positive", "negative", "not", "zero", "or", "more", "greater",
            "than", "less", "between", "at", "most", "least", "characters", "chars", "long", "longer", "shorter", "length", "exceed", "no", "check",
            "always", "only", "above", "below", "over", "under", "constraint", "equal", "add", "create", "one", "either", "uppercase", "lowercase",
            "upper", "lower", "case", "upper-case", "lower-case", "capitals", "capital", "letters", "letter", "digits", "digit", "numbers", "dashes",
            "dash", "hyphens", "hyphen", "underscores", "underscore", "future", "past", "after", "before", "later", "earlier", "differ", "differs",
            "different", "same", "cannot", "never", "when", "if", "they", "them", "go", "goes", "through", "up", "values", "value", "allowed",
            "set", "given", "present", "filled");

    private static final Set<String> FOREIGN_KEY = Set.of("foreign", "key", "references", "referencing", "reference", "->", "belong", "belongs",
            "link", "connect", "relate", "add", "create", "cascade", "delete", "set", "null", "when", "if", "deleted", "removed", "deletes",
            "deletion", "cascades", "cascading", "restrict", "no", "action", "goes", "gets", "user", "users", "whenever", "once");

    private static final Set<String> TABLE = Set.of("create", "add", "build", "introduce", "set", "with", "having", "containing", "has", "join",
            "junction", "pivot", "linking", "link", "between", "connecting", "up", "primary", "key", "both", "pair", "two", "one", "per", "row", "record", "entry");

    private static final Set<String> ENUM = Set.of("create", "new", "define", "introduce", "enum", "type", "with", "values", "or", "containing",
            "having", "options", "add", "include", "includes", "allow", "extend", "support", "value", "option", "before", "after", "between",
            "level", "state", "status", "kind", "stage", "choice", "use", "using", "it", "can", "could", "may", "might", "also", "rename", "label",
            // "a tier column which can be either basic or plus", "where label_kind is a new enum of ..."
            "either", "one", "where");

    private static final Set<String> RLS = Set.of("enable", "turn", "rls", "row", "level", "security", "row-level", "switch", "add");

    /** Policy requests: who, what, whose rows. */
    static final Set<String> POLICY = Set.of("users", "user", "authors", "author", "owners", "owner", "members", "member", "admins", "admin",
            "administrators", "everyone", "anyone", "everybody", "public", "anonymous", "visitors", "people", "read", "see", "view", "select", "list",
            "create", "insert", "add", "write", "submit", "post", "update", "edit", "modify", "change", "amend", "delete", "remove", "destroy",
            "manage", "anything", "everything", "crud", "access", "query", "fetch", "own", "can", "may", "able", "allowed", "only", "all",
            "organization", "org", "team", "workspace", "where", "when", "if", "whose", "true", "false", "signed", "logged", "authenticated",
            "his", "her", "your", "them", "they", "not", "null", "equals", "equal", "=", "download", "upload", "uploads", "replace",
            "overwrite", "even", "out", "logged-out", "signed-out", "guests", "guest", "unauthenticated", "account", "without", "in", "signing",
            "logging", "being", "folder", "folders", "files", "file", "bucket", "storage", "signed-in", "logged-in", "archived", "active");

    /** The policy frame's words: these and the words PolicyPhrases reads. */
    private static final Set<String> POLICY_FRAME = union(POLICY, PolicyPhrases.WORDS);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    // "an updated_at that updates itself": the column keeping itself current is what the trigger does
    private static final Set<String> TRIGGER = Set.of("trigger", "itself", "add", "keep", "maintain", "touch", "auto", "automatically", "bump", "refresh",
            "current", "updated_at", "created_at", "timestamps", "up", "date", "fresh", "create", "set", "keeps", "updates", "update", "every",
            "whenever", "row", "changes", "changed", "adding", "needed", "if", "column", "drop", "remove", "delete", "pair",
            // "stop bumping orders.updated_at on every update", "an updated_at that sets itself"
            "stop", "bumping", "sets", "updated", "modified", "edited", "time", "any", "anymore", "on");

    /** "turn off the audit trigger", "disable ...", "switch it back on". */
    private static final Set<String> TRIGGER_SWITCH = Set.of("turn", "off", "on", "disable", "enable", "switch", "pause", "back", "again", "re-enable", "stop", "temporarily");

    private static final Set<String> BUCKET = Set.of("bucket", "storage", "public", "private", "create", "add", "limited", "limit", "up", "files",
            "file", "mb", "kb", "gb", "megabytes", "gigabytes", "bytes", "b", "k", "m", "g", "size", "max", "maximum", "only", "allow", "allowed", "at", "most",
            // what a bucket takes, and how its settings change ("only takes PDFs", "raise the size limit to 20 MB")
            "accept", "accepts", "accepting", "take", "takes", "allows", "type", "types", "mime", "uploads", "raise", "increase", "lower",
            "reduce", "bump", "change", "set", "make", "images", "photos", "pictures", "pics", "photo", "picture", "image", "jpg", "mp3", "txt",
            "videos", "video", "audio", "mp4", "per", "upload", "it");

    private static final Set<String> COMMENT = Set.of("comment", "describe", "document", "note", "say", "says", "saying",
            // "put a comment on T.c: ...", "add a comment to T.c saying ..."
            "put", "add", "set", "write", "leave");

    private static final Map<Class<? extends ChangeRequest>, List<Set<String>>> BY_KIND = Map.ofEntries(
            Map.entry(AddColumn.class, List.of(COLUMN)), Map.entry(DropColumn.class, List.of(DROP)),
            Map.entry(RenameColumn.class, List.of(RENAME)), Map.entry(AlterColumnType.class, List.of(ALTER_TYPE)),
            Map.entry(SetDefault.class, List.of(DEFAULT)), Map.entry(DropDefault.class, List.of(DEFAULT, DROP)),
            Map.entry(SetNotNull.class, List.of(NOT_NULL)), Map.entry(AddCheck.class, List.of(CHECK)),
            Map.entry(AddForeignKey.class, List.of(FOREIGN_KEY)), Map.entry(ChangeOnDelete.class, List.of(FOREIGN_KEY)), Map.entry(CreateTable.class, List.of(TABLE, COLUMN)),
            Map.entry(RenameTable.class, List.of(RENAME)), Map.entry(DropTable.class, List.of(DROP)),
            Map.entry(CreateIndex.class, List.of(INDEX)), Map.entry(DropIndex.class, List.of(DROP, DROP_INDEX)),
            Map.entry(CreateEnum.class, List.of(ENUM)), Map.entry(AddEnumValue.class, List.of(ENUM)),
            Map.entry(RenameEnumValue.class, List.of(ENUM, RENAME)), Map.entry(RenameEnum.class, List.of(ENUM, RENAME)),
            Map.entry(SetTriggerEnabled.class, List.of(TRIGGER, TRIGGER_SWITCH)), Map.entry(DropTrigger.class, List.of(TRIGGER, DROP)),
            Map.entry(EnableRls.class, List.of(RLS)), Map.entry(CreatePolicy.class, List.of(POLICY_FRAME, RLS)),
            Map.entry(CreateRightsCheck.class, List.of(POLICY_FRAME)), Map.entry(CreateMembershipCheck.class, List.of(POLICY_FRAME)),
            Map.entry(AddUpdatedAtTrigger.class, List.of(TRIGGER, COLUMN)), Map.entry(CreateBucket.class, List.of(BUCKET)), Map.entry(ChangeBucket.class, List.of(BUCKET)),
            Map.entry(Comment.class, List.of(COMMENT)));

    /** Every function word of every kind: a word of a request that is none of these (nor a name) may be misspelt ({@link Misspellings}). */
    static final Set<String> ALL = every();

    private static Set<String> every() {
        Set<String> out = new HashSet<>(GENERIC);
        BY_KIND.values().forEach(sets -> sets.forEach(out::addAll));
        return Set.copyOf(out);
    }

    /** Every function word the given changes allow together. */
    static Set<String> of(List<ChangeRequest> changes) {
        Set<String> out = new HashSet<>(GENERIC);
        for (ChangeRequest c : changes) BY_KIND.getOrDefault(c.getClass(), List.of()).forEach(out::addAll);
        return out;
    }
}
