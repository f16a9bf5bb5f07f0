package dev.pgpilot.core.request;

import java.util.Set;

/** The word sets frames share: verbs that cue a change kind, and words that never name a table or column. */
final class Vocabulary {
    private Vocabulary() {}

    static final Set<String> ADD = Set.of("add", "create", "introduce", "need", "needs", "want", "wants", "include", "store", "track", "new", "make", "give", "put", "record");
    static final Set<String> DROP = Set.of("drop", "remove", "delete", "destroy", "get", "kill", "eliminate", "purge", "erase");
    static final Set<String> RENAME = Set.of("rename", "call", "retitle");
    static final Set<String> FILLER = Set.of("a", "an", "the", "new", "column", "field", "attribute", "property", "called", "named",
            "of", "type", "as", "please", "also", "column:", "field:", "optional", "nullable", "some", "its", "their", "our", "my");
    static final Set<String> EVERYTHING = Set.of("everything", "all", "every", "database", "schema", "db", "anything", "whole", "entire", "tables");
    /** Words that only make sense in a request about the schema; a request with none of them (and no known name) is not one. */
    static final Set<String> SCHEMA_WORDS = Set.of("add", "create", "introduce", "drop", "remove", "delete", "rename", "index", "indexes",
            "require", "alter", "change", "table", "tables", "column", "columns", "field", "enum", "type", "bucket", "policy", "rls", "trigger",
            "constraint", "unique", "default", "foreign", "comment", "everything", "database", "schema", "timestamps", "security");
    static final Set<String> OWNER_ID_NAMES = Set.of("user_id", "owner_id", "author_id", "created_by", "creator_id");

    /** Words that are never the name of a table or column in a request (prepositions, modal verbs, change words). */
    static final Set<String> STOP = Set.of("to", "on", "in", "from", "for", "by", "must", "be", "should", "make", "set", "change", "default",
            "defaults", "required", "require", "unique", "not", "null", "is", "are", "and", "with", "drop", "remove", "delete", "alter", "rename",
            "non-negative", "positive", "negative", "between", "at", "most", "least", "characters", "chars", "than", "greater", "less", "only",
            "where", "always", "never", "optional", "nullable", "mandatory", "allow", "type", "column", "table", "it", "can", "cannot", "have",
            "constraint", "check", "value", "values", "of", "index", "distinct", "duplicates", "no", "convert", "switch");
}
