package dev.pgpilot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole outputs a person reads (generated migrations, lint messages, Slack blocks, shell screens)
 * pinned in files under the calling module's {@code src/test/resources/golden/}. A mismatch fails
 * with the full diff; run with {@code -Dgolden.update=true} (or {@code PGPILOT_GOLDEN_UPDATE=1}) to
 * rewrite the files, then review them with {@code git diff} before committing. A missing golden file
 * fails rather than being created silently, so a new case is always looked at once.
 */
public final class Golden {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    /** @param name path under {@code golden/}, e.g. {@code "render/add_column.sql"} */
    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        String normalised = actual.replace("\r\n", "\n");
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, normalised, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("no golden file " + file.toAbsolutePath() + "; run with -Dgolden.update=true to write it, then review it. Actual:\n" + normalised);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), normalised, "differs from golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean updating() {
        return Boolean.getBoolean("golden.update") || "1".equals(System.getenv("PGPILOT_GOLDEN_UPDATE"));
    }
}
