package dev.pgpilot.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir Path dir;

    private Path migrations() throws IOException {
        return Files.createDirectories(dir.resolve("supabase/migrations"));
    }

    @Test
    void migrationsComeInVersionOrderWithTheirDownScripts() throws IOException {
        Path m = migrations();
        Files.writeString(m.resolve("20250102000000_second.sql"), "select 2;");
        Files.writeString(m.resolve("20250101000000_first.sql"), "select 1;");
        Files.createDirectories(m.resolve("down"));
        Files.writeString(m.resolve("down/20250101000000_first.down.sql"), "select 0;");
        Files.writeString(m.resolve("README.md"), "not a migration");
        List<MigrationFile> files = Workspace.open(dir).migrations();
        assertEquals(List.of("20250101000000", "20250102000000"), files.stream().map(MigrationFile::version).toList());
        assertEquals(m.resolve("down/20250101000000_first.down.sql"), files.get(0).downPath().orElseThrow());
        assertTrue(files.get(1).downPath().isEmpty());
    }

    @Test
    void checksumIgnoresByteOrderMarkAndLineEndings() throws IOException {
        Path m = migrations();
        Files.writeString(m.resolve("20250101000000_a.sql"), "create table a (id int);\nselect 1;\n");
        String unix = Workspace.open(dir).migrations().get(0).checksum();
        Files.write(m.resolve("20250101000000_a.sql"),
                ("\uFEFFcreate table a (id int);\r\nselect 1;\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(unix, Workspace.open(dir).migrations().get(0).checksum());
        Files.writeString(m.resolve("20250101000000_a.sql"), "create table a (id bigint);\nselect 1;\n");
        assertNotEquals(unix, Workspace.open(dir).migrations().get(0).checksum());
    }

    @Test
    void duplicateVersionsAreAnErrorNamingBothFiles() throws IOException {
        Path m = migrations();
        Files.writeString(m.resolve("20250101000000_a.sql"), "select 1;");
        Files.writeString(m.resolve("20250101000000_b.sql"), "select 2;");
        PilotException e = assertThrows(PilotException.class, () -> Workspace.open(dir).migrations());
        assertTrue(e.getMessage().contains("20250101000000_a.sql") && e.getMessage().contains("20250101000000_b.sql"), e.getMessage());
    }

    @Test
    void aSqlFileThatIsNotAMigrationIsSkippedWithAWarningAndTheOthersAreStillRead() throws IOException {
        Path m = migrations();
        Files.writeString(m.resolve("create_users.sql"), "select 1;");
        Files.writeString(m.resolve("20250101000000_a.sql"), "select 2;");
        Files.writeString(m.resolve("notes.txt"), "not sql: passed over silently");
        Workspace w = Workspace.open(dir);
        assertEquals(List.of("20250101000000"), w.migrations().stream().map(MigrationFile::version).toList());
        assertEquals(List.of("skipping supabase/migrations/create_users.sql: not a migration: the name must be <digits>_<name>.sql,"
                + " as for the Supabase CLI, which skips it too (rename it to YYYYMMDDHHMMSS_name.sql to apply it)"),
                w.skippedFiles().stream().map(s -> s.message(w.workdir())).toList());
    }

    @Test
    void anInitFileFirstInTheFolderFromBefore2021IsSkippedAsTheSupabaseCliSkipsIt() throws IOException {
        Path m = migrations();
        Files.writeString(m.resolve("20211208000000_init.sql"), "create table legacy (id int);");
        Files.writeString(m.resolve("20220101000000_init.sql"), "select 1;");
        Workspace w = Workspace.open(dir);
        assertEquals(List.of("20220101000000"), w.migrations().stream().map(MigrationFile::version).toList(),
                "only the first entry of the folder is passed over, and only before the cut-off");
        assertEquals(List.of(m.resolve("20211208000000_init.sql")), w.skippedFiles().stream().map(MigrationListing.Skipped::file).toList());
    }

    @Test
    void aCrlfFileIsRunAsLfButKeepsItsCarriageReturnsForTheHistoryRow() throws IOException {
        Files.write(migrations().resolve("20250101000000_a.sql"), "\uFEFFselect 1;\r\nselect 2;\r\n".getBytes(StandardCharsets.UTF_8));
        MigrationFile f = Workspace.open(dir).migrations().get(0);
        assertEquals("select 1;\nselect 2;\n", f.sql());
        assertEquals("select 1;\r\nselect 2;\r\n", f.text());
    }

    @Test
    void downScriptWithoutItsMigrationIsAnError() throws IOException {
        Files.createDirectories(migrations().resolve("down"));
        Files.writeString(migrations().resolve("down/20250101000000_a.down.sql"), "select 1;");
        PilotException e = assertThrows(PilotException.class, () -> Workspace.open(dir).migrations());
        assertTrue(e.getMessage().contains("down/20250101000000_a.down.sql"), e.getMessage());
    }

    @Test
    void downScriptBesideItsMigrationIsRefusedBecauseTheSupabaseCliWouldRunIt() throws IOException {
        Path m = migrations();
        Files.writeString(m.resolve("20250101000000_a.sql"), "create table a (id int);");
        Files.writeString(m.resolve("20250101000000_a.down.sql"), "drop table a;");
        PilotException e = assertThrows(PilotException.class, () -> Workspace.open(dir).migrations());
        assertEquals("down script beside its migration: " + m.resolve("20250101000000_a.down.sql")
                + " (the Supabase CLI would run it as a migration)", e.getMessage());
        assertEquals("move it to " + m.resolve("down") + "/ (any pgpilot command does this and says so)", e.hint());
    }

    @Test
    void downScriptsLeftBesideTheirMigrationsAreMovedIntoTheDownFolderEachMoveReported() throws IOException {
        Path m = migrations();
        Files.writeString(m.resolve("20250101000000_a.sql"), "create table a (id int);");
        Files.writeString(m.resolve("20250101000000_a.down.sql"), "drop table a;");
        Files.writeString(m.resolve("20250102000000_b.sql"), "create table b (id int);");
        Files.writeString(m.resolve("20250102000000_b.down.sql"), "drop table b;");
        Workspace w = Workspace.open(dir);
        List<String> messages = w.moveLegacyDownScripts().stream().map(x -> x.message(dir.toAbsolutePath().normalize())).toList();
        assertEquals(List.of(
                "moved supabase/migrations/20250101000000_a.down.sql to supabase/migrations/down/20250101000000_a.down.sql"
                        + " (down scripts beside their migration are run as migrations by the Supabase CLI)",
                "moved supabase/migrations/20250102000000_b.down.sql to supabase/migrations/down/20250102000000_b.down.sql"
                        + " (down scripts beside their migration are run as migrations by the Supabase CLI)"), messages);
        assertEquals("drop table b;", Files.readString(m.resolve("down/20250102000000_b.down.sql")));
        assertEquals(List.of(m.resolve("down/20250101000000_a.down.sql"), m.resolve("down/20250102000000_b.down.sql")),
                w.migrations().stream().map(f -> f.downPath().orElseThrow()).toList());
        assertEquals(List.of(), w.moveLegacyDownScripts(), "a second run has nothing left to move");
    }

    @Test
    void aDifferentCopyAlreadyInTheDownFolderStopsTheMoveBeforeAnyFileMoves() throws IOException {
        Path m = migrations();
        Files.createDirectories(m.resolve("down"));
        Files.writeString(m.resolve("20250101000000_a.down.sql"), "drop table a;");
        Files.writeString(m.resolve("20250102000000_b.down.sql"), "drop table b;");
        Files.writeString(m.resolve("down/20250102000000_b.down.sql"), "drop table b cascade;");
        PilotException e = assertThrows(PilotException.class, () -> Workspace.open(dir).moveLegacyDownScripts());
        assertTrue(e.getMessage().contains(m.resolve("20250102000000_b.down.sql").toString()), e.getMessage());
        assertTrue(Files.exists(m.resolve("20250101000000_a.down.sql")), "nothing moved");
        assertEquals("drop table b cascade;", Files.readString(m.resolve("down/20250102000000_b.down.sql")));
    }

    @Test
    void fileThatIsNotUtf8IsAnErrorNamingIt() throws IOException {
        Files.write(migrations().resolve("20250101000000_a.sql"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0xc3});
        PilotException e = assertThrows(PilotException.class, () -> Workspace.open(dir).migrations());
        assertTrue(e.getMessage().contains("20250101000000_a.sql") && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void manyFilesAreReadInParallelYetTheFirstBadOneInVersionOrderIsReported() throws IOException {
        Path m = migrations();
        for (int i = 1; i <= 300; i++) {
            Files.writeString(m.resolve(String.format("2025010100%04d_m%d.sql", i, i)), "select " + i + ";\n");
        }
        List<MigrationFile> files = Workspace.open(dir).migrations();
        assertEquals(300, files.size());
        for (int i = 0; i < files.size(); i++) {
            assertEquals("select " + (i + 1) + ";\n", files.get(i).sql());
            assertEquals(MigrationFile.checksum("select " + (i + 1) + ";\n"), files.get(i).checksum());
        }
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe};
        Files.write(m.resolve("20250101000250_m250.sql"), notUtf8);
        Files.write(m.resolve("20250101000120_m120.sql"), notUtf8);
        for (int run = 0; run < 5; run++) {
            PilotException e = assertThrows(PilotException.class, () -> Workspace.open(dir).migrations());
            assertTrue(e.getMessage().contains("20250101000120_m120.sql"), e.getMessage());
        }
    }

    @Test
    void missingMigrationsFolderMeansNoMigrations() {
        assertEquals(List.of(), Workspace.open(dir).migrations());
    }

    @Test
    void unknownConfigKeyIsAnErrorWithItsLine() throws IOException {
        Files.writeString(dir.resolve("pgpilot.yaml"), "lock_timeout: 2s\nlock_timeuot: 3s\n");
        PilotException e = assertThrows(PilotException.class, () -> Workspace.open(dir));
        assertTrue(e.getMessage().startsWith("pgpilot.yaml:2"), e.getMessage());
        assertTrue(e.getMessage().contains("lock_timeuot"), e.getMessage());
    }

    @Test
    void aConfigOfOnlyCommentsIsTheDefaults() throws IOException {
        Files.writeString(dir.resolve("pgpilot.yaml"), "# no environments yet: commands use DATABASE_URL\n\n  # indented too\n");
        Config c = Workspace.open(dir).config();
        assertTrue(c.environments().isEmpty());
        assertEquals("5s", c.lockTimeout());
    }

    @Test
    void configEnvironmentsGetTheirNamesAndDefaultsApply() throws IOException {
        Files.writeString(dir.resolve("pgpilot.yaml"), """
                environments:
                  production:
                    url_env: PROD_URL
                    protected: true
                    approvers: [U1, U2]
                """);
        Config c = Workspace.open(dir).config();
        assertEquals("5s", c.lockTimeout());
        Environment prod = c.environment("production");
        assertEquals("production", prod.name());
        assertTrue(prod.isProtected());
        assertEquals(List.of("U1", "U2"), prod.approvers());
        PilotException e = assertThrows(PilotException.class, () -> c.environment("prod"));
        assertTrue(e.hint().contains("production"), e.hint());
    }
}
