package dev.pgpilot.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.SupabaseCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupabaseConfigTest {
    @TempDir Path dir;

    private Path config(String toml) throws IOException {
        Files.createDirectories(dir.resolve("supabase"));
        return Files.writeString(dir.resolve(SupabaseConfig.PATH), toml);
    }

    @Test
    void theFileSupabaseInitWritesIsReadWithItsPortsMajorVersionSeedAndApiSchemas() {
        SupabaseCli.ok(dir, "init");
        SupabaseConfig c = SupabaseConfig.load(dir);
        assertTrue(c.exists());
        assertEquals(Optional.of(54322), c.dbPort());
        assertEquals(Optional.of(17), c.majorVersion());
        assertTrue(c.seedEnabled());
        assertEquals(List.of("./seed.sql"), c.seedPaths());
        assertEquals(List.of("public", "graphql_public"), c.apiSchemas());
        assertTrue(c.servicePorts().containsAll(List.of(54320, 54321, 54322, 54323, 54324, 54327, 54329)), c.servicePorts().toString());
    }

    @Test
    void withoutTheFileTheCliDefaultsApply() {
        SupabaseConfig c = SupabaseConfig.load(dir);
        assertFalse(c.exists());
        assertEquals(List.of("seed.sql"), c.seedPaths());
        assertTrue(c.seedEnabled() && c.apiSchemas().isEmpty() && c.servicePorts().isEmpty() && c.dbPort().isEmpty());
    }

    @Test
    void aFileThatIsNotTomlIsAnErrorNamingTheFileAndLine() throws IOException {
        Path file = config("project_id = \"x\"\n[db]\nport = = 5\n");
        PilotException e = assertThrows(PilotException.class, () -> SupabaseConfig.load(dir));
        assertEquals(PilotException.ERROR, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot read " + file + " at line 3: "), e.getMessage());
    }

    @Test
    void aKeyPgpilotReadsWithTheWrongTypeIsAnErrorNamingTheKey() throws IOException {
        Path file = config("[db.seed]\nsql_paths = \"./seed.sql\"\n");
        PilotException e = assertThrows(PilotException.class, () -> SupabaseConfig.load(dir));
        assertEquals(file + ": [db.seed] sql_paths must be a list of strings, not \"./seed.sql\"", e.getMessage());
        config("[db]\nmajor_version = \"15\"\n");
        assertEquals(file + ": [db] major_version must be a whole number, not \"15\"",
                assertThrows(PilotException.class, () -> SupabaseConfig.load(dir)).getMessage());
    }
}
