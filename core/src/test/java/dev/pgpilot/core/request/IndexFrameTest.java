package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import org.junit.jupiter.api.Test;

/** The index frame's slots: table, columns, full-text method, condition; or the index to drop. */
class IndexFrameTest {
    static final IndexFrame INDEX = new IndexFrame(Slots.of(Schemas.tasks()));

    private static ChangeRequest read(String request) {
        return INDEX.read(TinyCatalog.words(request)).get(0);
    }

    @Test
    void aConditionBecomesAPartialIndex() {
        CreateIndex i = assertInstanceOf(CreateIndex.class, read("index tasks on project_id where status is 'todo'"));
        assertEquals("\"status\" = 'todo'", i.where());
        assertTrue(i.name().endsWith("_partial"), i.name());
    }

    @Test
    void aConditionValueOutsideTheEnumIsRefused() {
        assertThrows(PilotException.class, () -> read("index tasks on project_id where status is 'lost'"));
    }

    @Test
    void anUnknownColumnIsRefusedWithDidYouMean() {
        PilotException e = assertThrows(PilotException.class, () -> read("index tasks on titel"));
        assertTrue(e.getMessage().contains("unknown column titel"), e.getMessage());
    }

    @Test
    void aColumnOfOneTableLinksWithoutNamingTheTable() {
        CreateIndex i = assertInstanceOf(CreateIndex.class, read("index project_id"));
        assertEquals("tasks", i.table().name());
    }

    @Test
    void dropReadsTheIndexByName() {
        assertEquals("idx_tasks_status", assertInstanceOf(DropIndex.class, read("drop index idx_tasks_status")).index().name());
    }
}
