package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.MigrationFailedException;
import dev.pgpilot.core.api.model.UpOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A migration whose top-level statements control transactions themselves runs as written, the way
 * {@code supabase db push} runs it: the CLI sends a file's statements in one pipeline (pgx batch), so
 * statements up to a COMMIT commit there and the rest commits with the history row. pgpilot must
 * not wrap such a file in a transaction of its own.
 */
class OwnTransactionsApplyTest {

    /** The shape measured on hivecom: new enum values committed mid-file, then used (55P04 inside one transaction). */
    private static final String ENUM_VALUE_COMMITTED_THEN_USED = """
            create type public.mood as enum ('ok');
            create table public.feelings (id int primary key, mood public.mood not null);

            BEGIN;
            ALTER TYPE public.mood ADD VALUE 'sad';
            COMMIT;

            insert into public.feelings values (1, 'sad');
            update public.feelings set mood = 'sad' where id = 1;
            """;

    @Test
    void enumValueCommittedByTheFileItselfCanBeUsedLaterInTheSameFile() {
        Project p = new Project();
        p.write("20250101000000_moods.sql", ENUM_VALUE_COMMITTED_THEN_USED);
        ApplyResult r = p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(List.of("20250101000000"), r.applied().stream().map(ApplyResult.Applied::version).toList());
        assertEquals("sad", p.text("select mood::text from public.feelings where id = 1"));
        assertEquals(1, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250101000000'"));
        assertEquals(1, p.count("select count(*) from pgpilot.migration_log where version = '20250101000000' and success"));
        assertEquals(0, p.count("select count(*) from pgpilot.migration_progress"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("20250101000000_moods.sql manages its own transactions")
                && w.contains("cannot roll it back as a whole")), r.warnings().toString());
        assertTrue(r.planned().get(0).outsideTransaction());
    }

    @Test
    void failureAfterTheFilesOwnCommitKeepsWhatCommittedNamesTheLineAndResumesAfterIt() {
        Project p = new Project();
        p.write("20250101000000_blocks.sql", """
                begin;
                create table public.y (id int);
                commit;
                insert into public.y values ('not a number');
                """);
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().startsWith("migration failed at supabase/migrations/20250101000000_blocks.sql:4:"), e.getMessage());
        assertTrue(e.hint().contains("statements before line 4") && e.hint().contains("committed by the file's own COMMIT"), e.hint());
        assertTrue(p.tableExists("public.y"), "the block the file committed itself stays, as with supabase db push");
        assertEquals(1, p.count("select count(*) from pgpilot.migration_log where version = '20250101000000' and not success and failed_line = 4"));
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250101000000'"));
        assertEquals(3, p.count("select statements_done from pgpilot.migration_progress where version = '20250101000000'"));
        // the failing row made valid elsewhere: the next run resumes after the COMMIT, not at CREATE TABLE (which would fail)
        p.exec("alter table public.y alter column id type text");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(1, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250101000000'"));
        assertEquals(1, p.count("select count(*) from public.y"));
    }

    @Test
    void failureInsideTheFilesOwnBlockRollsBackThatBlockOnly() {
        Project p = new Project();
        p.write("20250101000000_two_blocks.sql", """
                begin;
                create table public.a (id int);
                commit;
                begin;
                create table public.b (id int);
                insert into public.b values ('x');
                commit;
                """);
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_two_blocks.sql:6:"), e.getMessage());
        assertTrue(p.tableExists("public.a"));
        assertFalse(p.tableExists("public.b"), "the failed block is rolled back by the server");
        assertEquals(3, p.count("select statements_done from pgpilot.migration_progress where version = '20250101000000'"));
    }

    @Test
    void rollbackInTheFileUndoesWhatCameBeforeItAsTheCliDoes() {
        Project p = new Project();
        p.write("20250101000000_split.sql", "create table public.w (id int);\nrollback;\ncreate table public.x (id int);\n");
        p.pilot().up(new UpOptions(null, false, false, true), ApplyListener.NONE);
        assertFalse(p.tableExists("public.w"), "ROLLBACK ends the transaction the statements before it ran in");
        assertTrue(p.tableExists("public.x"));
        assertEquals(1, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250101000000'"));
    }

    @Test
    void fileThatWouldEndInsideItsOwnTransactionIsRefusedBeforeAnythingRunsNamingTheBegin() {
        Project p = new Project();
        p.write("20250101000000_open.sql", "create table public.a (id int);\ncommit;\nbegin;\ncreate table public.b (id int);\n");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertEquals("supabase/migrations/20250101000000_open.sql:3: BEGIN opens a transaction no COMMIT closes: the file would end inside its own transaction",
                e.getMessage());
        assertFalse(p.tableExists("public.a"));
        assertFalse(p.tableExists("public.b"));
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250101000000'"));
    }

    @Test
    void beginAndCommitWrappingTheWholeFileStillRunAsOneTransactionWithTheHistoryRow() {
        Project p = new Project();
        p.write("20250101000000_wrapped.sql", "begin;\ncreate table public.y (id int);\ninsert into public.y values ('x');\ncommit;\n");
        assertThrows(MigrationFailedException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertFalse(p.tableExists("public.y"));
        assertEquals(0, p.count("select count(*) from pgpilot.migration_progress"));
    }
}
