package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A name that links to more than one object gives numbered readings, never a silent pick; each
 * reading's own request plans exactly that reading. In the task schema, notes is a table and also
 * a column of tasks.
 */
class AmbiguousReadingsTest {
    static Catalog catalog;

    @BeforeAll
    static void schema() {
        catalog = Fixture.catalog(Domains.fresh());
    }

    private static ChangeRequest only(String request) {
        List<ChangeRequest> c = new RequestParser(catalog).parse(request).changes();
        assertEquals(1, c.size(), c.toString());
        return c.get(0);
    }

    @Test
    void removingANameThatIsATableAndAColumnOffersBothReadingsAndExitsOne() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(catalog).parse("remove notes"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertEquals(List.of(
                new AmbiguousRequest.Reading("drop the table public.notes (and every row in it)", "drop table notes"),
                new AmbiguousRequest.Reading("drop the column tasks.notes", "drop column tasks.notes")), e.readings());
        assertEquals("\"remove notes\" can mean 2 things: 1) drop the table public.notes (and every row in it); 2) drop the column tasks.notes", e.getMessage());
    }

    @Test
    void eachReadingsRequestPlansThatReading() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(catalog).parse("delete notes"));
        assertEquals("notes", assertInstanceOf(DropTable.class, only(e.readings().get(0).request())).table().name());
        DropColumn c = assertInstanceOf(DropColumn.class, only(e.readings().get(1).request()));
        assertEquals("tasks.notes", c.table().name() + "." + c.previous().name());
    }

    @Test
    void renamingANameThatIsATableAndAColumnOffersBothReadings() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(catalog).parse("rename notes to memos"));
        assertEquals(List.of("rename table notes to memos", "rename column tasks.notes to memos"), e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
    }

    @Test
    void namingTheTableOrTheKindLeavesOneReading() {
        assertInstanceOf(DropColumn.class, only("remove notes from tasks"));
        assertInstanceOf(DropColumn.class, only("delete the notes column from tasks"));
        assertInstanceOf(DropTable.class, only("drop the notes table"));
        assertInstanceOf(RenameTable.class, only("rename table notes to memos"));
    }

    @Test
    void aColumnNameOnlyOneTableHasIsThatColumn() {
        DropColumn c = assertInstanceOf(DropColumn.class, only("drop born_on"));
        assertEquals("patients", c.table().name());
    }

    @Test
    void aColumnNameSeveralTablesHaveOffersEachTable() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(catalog).parse("drop the title"));
        // in catalog order (schema, then table name)
        assertEquals(List.of("drop column courses.title", "drop column listings.title", "drop column tasks.title"),
                e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
    }
}
