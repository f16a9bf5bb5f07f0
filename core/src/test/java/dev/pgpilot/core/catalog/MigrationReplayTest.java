package dev.pgpilot.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay behind diff and reset: each file in one round trip when it can, file by file semantics always. */
class MigrationReplayTest {
    static List<MigrationFile> project(Map<String, String> files) throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-replay");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        for (var e : files.entrySet()) {
            Files.writeString(m.resolve(e.getKey()), e.getValue());
        }
        return Workspace.open(dir).migrations();
    }

    static boolean exists(DatabaseTarget db, String relation) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('" + relation + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void failingFileIsNamedWithItsLineAndRolledBackWhileEarlierFilesStay() throws Exception {
        List<MigrationFile> files = project(Map.of(
                "20240101000000_a.sql", "create table public.a (id int);\n",
                "20240102000000_b.sql", "create table public.b (id int);\n\ninsert into public.nowhere values (1);\n"));
        DatabaseTarget db = TestDatabase.fresh();
        PilotException e = assertThrows(PilotException.class, () -> MigrationReplay.commit(db, files, null, true));
        assertTrue(e.getMessage().startsWith("20240102000000_b.sql line 3: ERROR: relation \"public.nowhere\" does not exist"), e.getMessage());
        assertTrue(exists(db, "public.a"));
        assertTrue(!exists(db, "public.b"), "the failing file's transaction is rolled back");
    }

    @Test
    void aFileThatCommitsANewEnumValueItselfAndThenUsesItReplaysLikeUp() throws Exception {
        List<MigrationFile> files = project(Map.of(
                "20240101000000_moods.sql", "create type public.mood as enum ('ok');\ncreate table public.feelings (mood public.mood);\n"
                        + "begin;\nalter type public.mood add value 'sad';\ncommit;\ninsert into public.feelings values ('sad');\n"));
        DatabaseTarget db = TestDatabase.fresh();
        MigrationReplay.commit(db, files, null, true);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from public.feelings where mood = 'sad'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void aFailureInsideADoBlockNamesTheLineInsideTheBlockLikeUp() throws Exception {
        List<MigrationFile> files = project(Map.of(
                "20240101000000_guarded.sql", "-- adds a column when missing\ndo $$\nbegin\n  if true then\n    alter table members add column bio text;\n  end if;\nend $$;\n"));
        DatabaseTarget db = TestDatabase.fresh();
        PilotException e = assertThrows(PilotException.class, () -> MigrationReplay.commit(db, files, null, true));
        assertTrue(e.getMessage().startsWith("20240101000000_guarded.sql line 5: ERROR: relation \"members\" does not exist"), e.getMessage());
    }

    @Test
    void anExtensionTheEmbeddedServerLacksIsNamedWithAHintSayingWhy() throws Exception {
        List<MigrationFile> files = project(Map.of(
                "20240101000000_geo.sql", "-- needs a server with this extension\ncreate extension if not exists pgpilot_absent_ext;\n"));
        DatabaseTarget db = TestDatabase.fresh();
        PilotException e = assertThrows(PilotException.class, () -> MigrationReplay.commit(db, files, null, true));
        assertTrue(e.getMessage().startsWith("20240101000000_geo.sql line 2: ERROR: extension \"pgpilot_absent_ext\" is not available"),
                e.getMessage());
        // what the server offers, read from it: pinned whole, so a stand-in added or lost shows in the diff
        dev.pgpilot.core.Golden.assertMatches("replay/missing-extension.txt", e.getMessage() + "\nhint: " + e.hint() + "\n");
    }

    @Test
    void statementsThatReturnRowsAndAFilesOwnTransactionControlStillReplay() throws Exception {
        List<MigrationFile> files = project(Map.of(
                "20240101000000_a.sql", "begin;\ncreate table public.a (id int);\nselect set_config('app.x', '1', false);\ncommit;\n",
                "20240102000000_b.sql", "create type public.mood as enum ('ok');\n",
                "20240103000000_c.sql", "alter type public.mood add value 'meh';\n",
                "20240104000000_d.sql", "create table public.d (m public.mood default 'meh');\n"));
        DatabaseTarget db = TestDatabase.fresh();
        MigrationReplay.commit(db, files, null, true);
        assertTrue(exists(db, "public.a"));
        assertTrue(exists(db, "public.d"), "a value added in one file is usable in the next: one transaction per file");
    }

    @Test
    void setLocalInOneFileDoesNotLeakIntoTheNext() throws Exception {
        List<MigrationFile> files = project(Map.of(
                "20240101000000_a.sql", "create schema other;\nset local search_path = other;\ncreate table t1 (id int);\n",
                "20240102000000_b.sql", "create table t2 (id int);\n"));
        DatabaseTarget db = TestDatabase.fresh();
        MigrationReplay.commit(db, files, null, true);
        assertTrue(exists(db, "other.t1"));
        assertTrue(exists(db, "public.t2"));
        assertEquals(false, exists(db, "other.t2"));
    }
}
