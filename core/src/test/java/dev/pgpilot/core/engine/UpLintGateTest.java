package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.lint.SchemaManifest;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The {@code up} gate lints with the project's one configuration, and its lint never takes {@code up} down. */
class UpLintGateTest {

    @Test
    void upRefusesAnObjectOutsideTheSchemaManifestLikeLintAndSlackDo() throws Exception {
        Project p = new Project();
        Files.writeString(p.dir.resolve(SchemaManifest.FILE), "{\"tables\": [\"public.notes\"]}");
        p.write("20250101000000_notes.sql", "-- notes\ncreate table if not exists public.ntoes (id bigint primary key);\n");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertEquals(PilotException.REFUSED, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains("20250101000000_notes.sql:2: manifest-unknown-object: table public.ntoes is not in the schema manifest"), e.getMessage());
        assertFalse(p.tableExists("public.ntoes"), "nothing was applied");
    }

    @Test
    void aMigrationWithAStringLiteralOfThreeKilobytesIsLintedAndApplied() {
        Project p = new Project();
        p.write("20250101000000_seed.sql", "-- seed\ncreate table if not exists public.notes (id bigint primary key, body text);\n"
                + "insert into public.notes (id, body) values (1, '" + "it''s long ".repeat(300) + "');\n");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(3000, p.count("select length(body) from public.notes where id = 1"));
    }
}
