package dev.pgpilot.core.request;

/**
 * The kinds of change a request can be read as, in the order the {@link Router} tries their cues.
 * Every frame that fits reads the request and the scored readings compete; the order still decides
 * whose refusal stands when no frame reads every word (the first that fits and refuses), and lists
 * tied readings. A new kind is added here, and the compiler then asks for its frame in
 * {@link Router#frame}.
 */
enum FrameKind {
    /** Before BUCKET: "users can upload to their own folder in the avatars bucket" is a policy, not a new bucket. */
    STORAGE_POLICY,
    BUCKET,
    /** A comment may quote anything after its colon, ";" and cue words included. */
    COMMENT,
    /** "we don't need tasks.done", "get rid of notes" before any other cue the named object's words could give. */
    NO_LONGER_NEEDED,
    POLICY,
    RLS,
    TRIGGER,
    TIMESTAMPS,
    /** Before CREATE_ENUM: "profiles need a tier column, a new enum with basic, student" is a column of a new enum. */
    ENUM_COLUMN,
    CREATE_ENUM,
    ADD_ENUM_VALUE,
    INDEX,
    CREATE_TABLE,
    /** Before RENAME: "rename booking status no_show to missed" renames a value, not the status column. */
    RENAME_ENUM_VALUE,
    RENAME,
    FOREIGN_KEY,
    DROP,
    ADD_COLUMNS,
    UNIQUE,
    REQUIRED,
    OPTIONAL,
    CHECK,
    SET_DEFAULT,
    ALTER_TYPE,
    /** Last resort: "orders should have a tracking_number". */
    HAVE_COLUMNS;

    /** Kinds read before the one-change-per-request rule: their text may contain ";". */
    boolean quotesAnything() {
        return this == STORAGE_POLICY || this == BUCKET || this == COMMENT;
    }
}
