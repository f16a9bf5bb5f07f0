package dev.pgpilot.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetPreviewTest {
    private final Config config = new Config(null, null, null, null, null,
            Map.of("production", new Environment("production", "PROD_URL", true, false, null),
                    "staging", new Environment("staging", "STAGING_URL", false, true, null)),
            null, null, null);

    @Test
    void noUrlNoEnvironmentIsTheLocalDatabase() {
        assertEquals(new TargetPreview("local", false, true), TargetPreview.describe(null, null, Map.of(), config));
    }

    @Test
    void protectedEnvironmentIsMarkedWithoutReadingItsUrl() {
        assertEquals(new TargetPreview("production", true, false), TargetPreview.describe(null, "production", Map.of(), config));
    }

    @Test
    void urlShowsItsHostNeverThePassword() {
        TargetPreview t = TargetPreview.describe("postgresql://me:secret@db.example.com:5432/app", null, Map.of(), config);
        assertEquals("db.example.com", t.label());
    }

    @Test
    void databaseUrlVariableWinsOverTheDefaultEnvironment() {
        TargetPreview t = TargetPreview.describe(null, null, Map.of("DATABASE_URL", "postgresql://h1/app"), config);
        assertEquals(new TargetPreview("h1", false, false), t);
    }
}
