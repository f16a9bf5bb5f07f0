package dev.pgpilot.core.request;

import java.util.List;

/**
 * One kind of change a request can be read as, with its typed slots (table, column, type,
 * default, condition, ...). {@link #fits} is the frame's cue, visible and testable on its own;
 * {@link #read} fills the slots from the words, linking every name to the catalog, and refuses
 * what it cannot pin down. The {@link Router} decides which frame reads a request.
 */
sealed interface Frame permits AddColumnsFrame, AddEnumValueFrame, AlterTypeFrame, BucketFrame, CheckFrame, CommentFrame, CreateEnumFrame,
        EnumColumnFrame,
        CreateTableFrame, DefaultFrame, DropFrame, ForeignKeyFrame, IndexFrame, NullabilityFrame, PolicyFrame, RenameEnumValueFrame, RenameFrame, RlsFrame,
        TimestampsFrame, TriggerFrame, UniqueFrame {

    /** True when the words call for this kind of change. */
    boolean fits(Words w);

    /** The changes the words ask for, every name resolved; a refusal when a slot cannot be filled. */
    List<ChangeRequest> read(Words w);
}
