package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drop frame's slots, read directly: table, column, default or index; a bare name that is both a table and a column asks. */
class DropFrameTest {
    static final Catalog CATALOG = Schemas.tasks();
    static final Slots SLOTS = Slots.of(CATALOG);
    static final DropFrame DROP = new DropFrame(SLOTS, new IndexFrame(SLOTS), false);

    private static ChangeRequest read(String request) {
        List<ChangeRequest> c = DROP.read(TinyCatalog.words(request));
        assertEquals(1, c.size(), c.toString());
        return c.get(0);
    }

    @Test
    void aQualifiedColumnIsDroppedWithItsShapeForTheDownScript() {
        DropColumn d = assertInstanceOf(DropColumn.class, read("drop tasks.notes"));
        assertEquals("tasks", d.table().name());
        assertEquals("notes text", d.previous().name() + " " + d.previous().type());
    }

    @Test
    void theWordTableMakesItATableDrop() {
        assertEquals("notes", assertInstanceOf(DropTable.class, read("drop the notes table")).table().name());
    }

    @Test
    void aBareNameThatIsATableAndAColumnAsks() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> read("drop notes"));
        assertEquals(List.of("drop table notes", "drop column tasks.notes"), e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
    }

    @Test
    void anIndexNameDropsTheIndex() {
        assertEquals("idx_tasks_status", assertInstanceOf(DropIndex.class, read("drop idx_tasks_status")).index().name());
    }

    @Test
    void dropDefaultKeepsThePreviousDefaultForTheDownScript() {
        DropDefault d = assertInstanceOf(DropDefault.class, read("drop the default of tasks.status"));
        assertEquals("status", d.column());
    }

    @Test
    void aConstraintIsRefusedWithTheHandWrittenWay() {
        PilotException e = assertThrows(PilotException.class, () -> read("drop the check constraint on tasks.estimate"));
        assertTrue(e.hint().contains("--empty"), e.hint());
    }

    @Test
    void theNoLongerNeededCueReadsTheSameSlots() {
        DropFrame notNeeded = new DropFrame(SLOTS, new IndexFrame(SLOTS), true);
        assertTrue(notNeeded.fits(TinyCatalog.words("we no longer need tasks.notes")));
        assertEquals("notes", assertInstanceOf(DropColumn.class, notNeeded.read(TinyCatalog.words("we no longer need tasks.notes")).get(0)).previous().name());
    }

    @Test
    void aBareNameThatIsAnEnumAndAColumnAsksAndTheEnumReadingIsRefusedWhenChosen() {
        Catalog school = new TinyCatalog().table("courses", "id bigint!", "term term").enumType("term", "spring", "fall").build();
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(school).parse("drop term"));
        assertEquals(List.of("drop type term", "drop column courses.term"), e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
        PilotException chosen = assertThrows(PilotException.class, () -> new RequestParser(school).parse("drop type term"));
        assertTrue(chosen.getMessage().contains("not generated"), chosen.getMessage());
        assertTrue(chosen.hint().contains("--empty"), chosen.hint());
    }
}
