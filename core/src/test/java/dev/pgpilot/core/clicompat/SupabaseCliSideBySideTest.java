package dev.pgpilot.core.clicompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.SupabaseCli;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.drift.Drift;
import dev.pgpilot.core.sql.CliStatements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pgpilot and the real Supabase CLI (npm supabase@2.117.0, installed once outside target/) on one
 * folder and one database, with {@code --db-url} against the embedded server: neither breaks the other.
 */
class SupabaseCliSideBySideTest {
    static void assertNothingToDo(Pilot p) {
        StatusReport s = p.status();
        assertTrue(s.pending().isEmpty() && s.modified().isEmpty() && s.missing().isEmpty(), s.toString());
        assertEquals(List.of(), p.up(UpOptions.all(), ApplyListener.NONE).applied(), "up has nothing to do");
    }

    @Test
    void aFolderWrittenByPgpilotNewPushesWithTheCliWhichRecordsExactlyTheUpMigrations() throws Exception {
        CliProject project = CliProject.create();
        Pilot p = project.pilot();
        Path invoices = p.write(p.plan("create table invoices with amount money")).get(0);
        Path receipts = p.write(p.plan("create table receipts with note text")).get(0);
        Path empty = p.newEmpty("add_nothing_yet");

        project.cli("db", "push", "--yes");

        List<List<Object>> expected = new ArrayList<>();
        for (Path f : List.of(invoices, receipts, empty)) {
            String file = f.getFileName().toString();
            expected.add(List.of(file.substring(0, 14), file.substring(15, file.length() - 4), CliStatements.of(Files.readString(f))));
        }
        assertEquals(expected, project.rows(), "one row per up migration, none for the down scripts, statements split as the CLI splits");
        assertNothingToDo(project.pilot());
    }

    @Test
    void afterPgpilotUpTheCliSaysUpToDateAndListsEveryVersionOnBothSides() throws Exception {
        CliProject project = CliProject.create();
        Files.writeString(project.migration("20250101000000_create_notes.sql"), "-- notes\ncreate table public.notes (id int primary key);\n");
        Files.writeString(project.migration("20250102000000_add_body.sql"), "alter table public.notes add column body text; -- why\n");
        Files.createDirectories(project.migration("down"));
        Files.writeString(project.migration("down/20250102000000_add_body.down.sql"), "alter table public.notes drop column body;\n");
        assertEquals(2, project.pilot().up(UpOptions.all(), ApplyListener.NONE).applied().size());

        SupabaseCli.Run dry = project.cli("db", "push", "--dry-run");
        assertTrue(dry.all().contains("Remote database is up to date."), dry.all());
        Golden.assertMatches("clicompat/migration-list-after-pgpilot-up.txt", project.cli("migration", "list").out());
    }

    @Test
    void aTeammatesFileWithCommentsAndCrlfPushedRepairedAndRePushedByTheCliIsApplied() throws Exception {
        CliProject project = CliProject.create();
        Path file = project.migration("20250101000000_create_tags.sql");
        String text = "-- Teammate's migration\r\n-- written on Windows\r\ncreate table if not exists public.tags (\r\n  id int primary key\r\n);\r\n"
                + "\r\ncomment on table public.tags is 'labels; free text';\r\n-- trailing note\r\n";
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        project.cli("db", "push", "--yes");
        assertEquals(CliStatements.of(text), project.rows().get(0).get(2), "the CLI keeps comments and CRLF, as CliStatements does");
        assertNothingToDo(project.pilot());

        project.cli("migration", "repair", "--status", "reverted", "20250101000000");
        Files.write(file, (text + "-- re-pushed after review\r\n").getBytes(StandardCharsets.UTF_8));
        project.cli("db", "push", "--yes");
        assertNothingToDo(project.pilot());
    }

    @Test
    void aCrlfFileAppliedByPgpilotGetsTheRowTheCliWritesCarriageReturnsIncludedAndIsUpToDateForTheCli() throws Exception {
        CliProject byCli = CliProject.create();
        String text = "-- written on Windows\r\ncreate table public.notes (\r\n  id int primary key,\r\n  body text\r\n);\r\n"
                + "comment on table public.notes is 'line one\r\nline two';\r\n"
                + "create function public.note_count() returns bigint language sql as $$\r\n  select count(*) from public.notes\r\n$$;\r\n";
        Files.write(byCli.migration("20250101000000_create_notes.sql"), text.getBytes(StandardCharsets.UTF_8));
        byCli.cli("db", "push", "--yes");
        assertTrue(byCli.rows().get(0).get(2).toString().contains("\r\n"), "the CLI keeps the CRs: " + byCli.rows());
        assertNothingToDo(byCli.pilot());

        CliProject byPgpilot = byCli.onFreshDatabase();
        assertEquals(1, byPgpilot.pilot().up(UpOptions.all(), ApplyListener.NONE).applied().size());
        assertEquals(byCli.rows(), byPgpilot.rows(), "pgpilot writes the row the CLI writes, byte for byte");
        assertTrue(byPgpilot.cli("db", "push", "--dry-run").all().contains("Remote database is up to date."));
        assertEquals(List.of("line one\r\nline two"),
                byPgpilot.strings("select obj_description('public.notes'::regclass)"), "a CR inside a literal is data and stays");
        var diff = Drift.check(byCli.pilot().migrations(), null, TestDatabase.server(), byCli.db()).diff();
        assertTrue(diff.isEmpty(), "diff replays the file as the CLI ran it: " + diff.toText());
    }

    /** The hivecom shape: a new enum value committed by the file itself, then used further down the same file. */
    @Test
    void aFileThatCommitsANewEnumValueItselfAppliesWithTheCliAndWithPgpilotAlike() throws Exception {
        CliProject byCli = CliProject.create();
        String text = "create type public.mood as enum ('ok');\ncreate table public.feelings (id int primary key, mood public.mood);\n"
                + "BEGIN;\nALTER TYPE public.mood ADD VALUE 'sad';\nCOMMIT;\ninsert into public.feelings values (1, 'sad');\n";
        Files.writeString(byCli.migration("20250101000000_moods.sql"), text);
        byCli.cli("db", "push", "--yes");
        assertEquals(List.of("sad"), byCli.strings("select mood::text from public.feelings"));
        assertNothingToDo(byCli.pilot());

        CliProject byPgpilot = byCli.onFreshDatabase();
        assertEquals(1, byPgpilot.pilot().up(UpOptions.all(), ApplyListener.NONE).applied().size());
        assertEquals(List.of("sad"), byPgpilot.strings("select mood::text from public.feelings"));
        assertEquals(byCli.rows(), byPgpilot.rows(), "pgpilot records the file as the CLI does");
        assertTrue(byPgpilot.cli("db", "push", "--dry-run").all().contains("Remote database is up to date."));
    }

    @Test
    void theCliStoresEveryFileSplitExactlyAsCliStatementsSplitsIt() throws Exception {
        CliProject project = CliProject.create();
        String text = """
                /* header /* nested; */ still; */
                create table public.t (id int, label text default 'a;b', "odd;name" int);
                create function public.f() returns int language sql begin atomic select 1; select 2; end;
                create function public.g() returns text language plpgsql as $fn$ begin return 'x;y'; end $fn$;
                create rule r as on insert to public.t do also (insert into public.t select 9; insert into public.t select 8);
                select 'it''s; fine', $$a;b$$, E'tab\\there';;
                -- last words; with a semicolon
                """;
        Files.writeString(project.migration("20250101000000_tricky.sql"), text);
        project.cli("db", "push", "--yes");
        assertEquals(CliStatements.of(text), project.rows().get(0).get(2));
        assertNothingToDo(project.pilot());
    }

    @Test
    void theCliRewritingARowPgpilotAppliedIsBelievedOverPgpilotsOwnChecksum() throws Exception {
        CliProject project = CliProject.create();
        Path file = project.migration("20250101000000_create_tags.sql");
        Files.writeString(file, "create table public.tags (id int primary key);\n");
        project.pilot().up(UpOptions.all(), ApplyListener.NONE);
        // a teammate edits the applied file and records the new content with the CLI, as its docs suggest
        Files.writeString(file, "-- tags for notes\ncreate table public.tags (id int primary key);\n");
        assertEquals(1, project.pilot().status().modified().size(), "edited after it ran: modified until the history says otherwise");
        project.cli("migration", "repair", "--status", "applied", "20250101000000");
        assertNothingToDo(project.pilot());
    }

    @Test
    void supabaseDbResetOnAPgpilotFolderSucceeds() throws Exception {
        CliProject project = CliProject.create();
        Pilot p = project.pilot();
        p.write(p.plan("create table invoices with amount money"));
        p.up(UpOptions.all(), ApplyListener.NONE);

        SupabaseCli.Run reset = project.cli("db", "reset", "--yes");
        assertTrue(!reset.all().contains(".down"), "no down script ran: " + reset.all());
        assertEquals(1, project.rows().size());
        assertNothingToDo(project.pilot());
    }
}
