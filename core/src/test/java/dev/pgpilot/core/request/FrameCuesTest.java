package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each frame's cue on its own: which words call for which kind of change, and which kind the router tries first. */
class FrameCuesTest {
    static final Catalog CATALOG = Schemas.tasks();
    static final Router ROUTER = new Router(CATALOG);

    private static boolean fits(FrameKind kind, String request) {
        return ROUTER.frame(kind).fits(TinyCatalog.words(request));
    }

    @Test
    void everyKindHasAFrame() {
        for (FrameKind k : FrameKind.values()) assertNotNull(ROUTER.frame(k), k.name());
    }

    @ParameterizedTest(name = "[{index}] {1} fits {0}")
    @CsvSource(delimiter = '|', textBlock = """
        BUCKET           | create a public bucket avatars
        COMMENT          | comment on table tasks: the work
        NO_LONGER_NEEDED | we don't need tasks.notes
        NO_LONGER_NEEDED | get rid of the notes column
        RLS              | enable row level security on tasks
        TRIGGER          | keep updated_at current on tasks automatically
        TIMESTAMPS       | add timestamps to projects
        CREATE_ENUM      | create an enum mood with happy, sad
        ADD_ENUM_VALUE   | add 'blocked' to task_status
        INDEX            | index tasks on status
        INDEX            | speed up lookups of tasks by project_id
        CREATE_TABLE     | create table invoices with amount numeric
        CREATE_TABLE     | add a wishlists table
        RENAME           | rename tasks.title to name
        FOREIGN_KEY      | tasks.project_id references projects
        DROP             | drop tasks.notes
        ADD_COLUMNS      | add notes text to projects
        ADD_COLUMNS      | projects need a budget numeric
        UNIQUE           | make projects.name unique
        REQUIRED         | require tasks.notes
        OPTIONAL         | make tasks.title optional
        CHECK            | tasks.estimate must be positive
        SET_DEFAULT      | default tasks.status to 'todo'
        ALTER_TYPE       | change tasks.notes to varchar(200)
        HAVE_COLUMNS     | projects should have a budget numeric
        """)
    void aRequestFitsTheFrameItsWordsCallFor(FrameKind kind, String request) {
        assertTrue(fits(kind, request));
    }

    @ParameterizedTest(name = "[{index}] {1} does not fit {0}")
    @CsvSource(delimiter = '|', textBlock = """
        CREATE_TABLE | add a column nickname to the tasks table
        INDEX        | add a unique index on projects.name
        DROP         | drop the not null on tasks.title
        ADD_COLUMNS  | add a check that tasks.estimate is positive
        SET_DEFAULT  | add a status text default 'open' to projects
        FOREIGN_KEY  | add project_id references projects to tasks
        UNIQUE       | add a unique slug text to projects
        """)
    void aWordThatBelongsToAnotherKindKeepsTheFrameOut(FrameKind kind, String request) {
        assertFalse(fits(kind, request));
    }

    @Test
    void aStoragePolicyIsTriedBeforeANewBucket() {
        assertTrue(FrameKind.STORAGE_POLICY.ordinal() < FrameKind.BUCKET.ordinal());
        assertTrue(fits(FrameKind.BUCKET, "users can upload to their own folder in the avatars bucket"));
    }

    @Test
    void onlyBucketsCommentsAndStoragePoliciesMayQuoteASemicolon() {
        for (FrameKind k : FrameKind.values()) {
            assertEquals(k == FrameKind.STORAGE_POLICY || k == FrameKind.BUCKET || k == FrameKind.COMMENT, k.quotesAnything(), k.name());
        }
    }
}
