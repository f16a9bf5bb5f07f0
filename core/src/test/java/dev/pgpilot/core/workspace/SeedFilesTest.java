package dev.pgpilot.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFilesTest {
    @TempDir Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<String> paths() {
        return SeedFiles.of(Workspace.open(dir)).files().stream().map(SeedFiles.Seed::path).toList();
    }

    @Test
    void withoutConfigTomlTheDefaultSeedIsSupabaseSeedSqlWhenItExists() throws IOException {
        Files.createDirectories(dir.resolve("supabase"));
        assertEquals(List.of(), paths());
        write("supabase/seed.sql", "select 1;");
        assertEquals(List.of("supabase/seed.sql"), paths());
    }

    @Test
    void patternsAreRelativeToTheSupabaseFolderGlobbedSortedPerPatternAndKeptOnce() throws IOException {
        write("supabase/config.toml", "[db.seed]\nsql_paths = [\"./seeds/*.sql\", \"./seed.sql\", \"seeds/b.sql\", \"./none/*.sql\"]\n");
        write("supabase/seed.sql", "select 1;");
        write("supabase/seeds/b.sql", "select 2;");
        write("supabase/seeds/a.sql", "select 3;");
        write("supabase/seeds/notes.txt", "not matched");
        write("supabase/seeds/deeper/c.sql", "a segment's * does not cross folders");
        SeedFiles s = SeedFiles.of(Workspace.open(dir));
        assertEquals(List.of("supabase/seeds/a.sql", "supabase/seeds/b.sql", "supabase/seed.sql"), s.files().stream().map(SeedFiles.Seed::path).toList());
        assertEquals(List.of("no files matched pattern: supabase/none/*.sql ([db.seed] sql_paths in supabase/config.toml)"), s.warnings());
    }

    @Test
    void seedingTurnedOffInConfigTomlRunsNothing() throws IOException {
        write("supabase/config.toml", "[db.seed]\nenabled = false\n");
        write("supabase/seed.sql", "select 1;");
        assertEquals(List.of(), paths());
    }
}
