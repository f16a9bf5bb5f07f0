package dev.pgpilot.core.drift;

import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A project folder holding the migrations under src/test/resources/drift (every object kind drift compares). */
final class DriftFixture {
    static final List<String> FILES = List.of("20240101000000_notes.sql", "20240102000000_functions.sql",
            "20240103000000_concurrent_index.sql");

    /** Project folders made here; some tests start their embedded server (shadow, reset), stopped at exit. */
    private static final List<Path> PROJECTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path dir : PROJECTS) {
                Path local = dir.resolve(".pgpilot/local");
                if (Files.isDirectory(local)) {
                    new dev.pgpilot.core.local.LocalDatabase(local, false).stopImmediately();
                }
            }
        }));
    }

    private DriftFixture() {}

    static Path project() {
        try {
            Path dir = Files.createTempDirectory("pgpilot-drift");
            PROJECTS.add(dir);
            Path migrations = Files.createDirectories(dir.resolve("supabase/migrations"));
            for (String f : FILES) {
                try (InputStream in = DriftFixture.class.getResourceAsStream("/drift/" + f)) {
                    Files.write(migrations.resolve(f), in.readAllBytes());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<MigrationFile> migrations() {
        return Workspace.open(project()).migrations();
    }
}
