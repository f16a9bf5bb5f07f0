package dev.pgpilot.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationNameTest {

    @Test
    void timestampedNameSplitsIntoVersionAndName() {
        MigrationName n = MigrationName.parse("20250101120000_add_notes_to_events.sql");
        assertEquals("20250101120000", n.version());
        assertEquals("add_notes_to_events", n.name());
        assertFalse(n.down());
        assertTrue(n.isSnakeCase());
    }

    @Test
    void aDatedSequenceNameHasTheDateAsVersionAsTheSupabaseCliRecordsIt() {
        MigrationName n = MigrationName.parse("20250101_002_create_users.sql");
        assertEquals("20250101", n.version());
        assertEquals("002_create_users", n.name());
        assertEquals("20250101_002_create_users.sql", n.fileName());
    }

    @Test
    void downScriptIsRecognisedBesideItsMigration() {
        MigrationName n = MigrationName.parse("20250101120000_add_notes.down.sql");
        assertTrue(n.down());
        assertEquals("20250101120000_add_notes.down.sql", n.fileName());
    }

    @Test
    void badNameIsAnErrorNamingTheFileAndTheExpectedForm() {
        PilotException e = assertThrows(PilotException.class, () -> MigrationName.parse("add_notes.sql"));
        assertTrue(e.getMessage().contains("add_notes.sql"), e.getMessage());
        assertTrue(e.hint().contains("YYYYMMDDHHMMSS"), e.hint());
        assertEquals(PilotException.ERROR, e.exitCode());
    }

    @Test
    void versionsSortAsTextAsTheSupabaseCliOrdersThem() {
        // the order `supabase db push` (2.117.0) applied these in
        List<MigrationName> names = new ArrayList<>(List.of(
                MigrationName.parse("20250821100000_later.sql"),
                MigrationName.parse("10_ten.sql"),
                MigrationName.parse("20250821_002_day.sql"),
                MigrationName.parse("2_two.sql"),
                MigrationName.parse("002_padded.sql"),
                MigrationName.parse("1_one.sql")));
        names.sort(null);
        assertEquals(List.of("002", "1", "10", "2", "20250821", "20250821100000"),
                names.stream().map(MigrationName::version).toList());
    }

    @Test
    void aNameTheSupabaseCliDoesNotTakeIsNotRead() {
        assertTrue(MigrationName.read("create_users.sql").isEmpty());
        assertTrue(MigrationName.read("20250101000000_a.SQL").isEmpty());
        assertTrue(MigrationName.read("v1_a.sql").isEmpty());
        assertEquals("", MigrationName.read("20250101000000_.sql").orElseThrow().name());
    }

    @Test
    void anyDigitsPrefixIsReadAsTheSupabaseCliReadsIt() {
        MigrationName dated = MigrationName.parse("20250821_add_sync_configuration.sql");
        assertEquals("20250821", dated.version());
        assertEquals("add_sync_configuration", dated.name());
        assertEquals("001", MigrationName.parse("001_add_rsvp_position.sql").version());
        assertEquals("init schema", MigrationName.parse("0_init schema.sql").name());
    }

    @Test
    void mixedCaseNameIsReadButNotHouseStyle() {
        assertFalse(MigrationName.parse("20250101120000_AddNotes.sql").isSnakeCase());
    }
}
