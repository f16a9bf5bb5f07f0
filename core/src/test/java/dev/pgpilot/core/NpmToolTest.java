package dev.pgpilot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a finished npm install is moved into the shared cache when another test fork got there first. */
class NpmToolTest {
    @TempDir Path dir;

    @Test
    void aSecondInstallFinishingAfterTheFirstUsesTheFirstAndRemovesItsOwnCopy() throws IOException {
        Path cache = dir.resolve("tool");
        Path marker = cache.resolve("node_modules/.bin/tool");
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "first");
        Path staging = dir.resolve("tool-install-2");
        Files.createDirectories(staging.resolve("node_modules/.bin"));
        Files.writeString(staging.resolve("node_modules/.bin/tool"), "second");

        NpmTool.moveIntoPlace(staging, cache, marker);

        assertEquals("first", Files.readString(marker));
        assertFalse(Files.exists(staging));
    }

    @Test
    void anInstallIsMovedIntoAnEmptyCache() throws IOException {
        Path cache = dir.resolve("tool");
        Path staging = dir.resolve("tool-install-1");
        Files.createDirectories(staging.resolve("node_modules/.bin"));
        Files.writeString(staging.resolve("node_modules/.bin/tool"), "only");

        NpmTool.moveIntoPlace(staging, cache, cache.resolve("node_modules/.bin/tool"));

        assertEquals("only", Files.readString(cache.resolve("node_modules/.bin/tool")));
        assertFalse(Files.exists(staging));
    }

    @Test
    void aCacheFolderWithoutACompleteInstallIsAnErrorNotSilentlyUsed() throws IOException {
        Path cache = dir.resolve("tool");
        Files.createDirectories(cache.resolve("leftover"));
        Path staging = dir.resolve("tool-install-3");
        Files.createDirectories(staging.resolve("node_modules/.bin"));

        assertThrows(FileSystemException.class,
                () -> NpmTool.moveIntoPlace(staging, cache, cache.resolve("node_modules/.bin/tool")));
        assertTrue(Files.exists(staging));
    }
}
