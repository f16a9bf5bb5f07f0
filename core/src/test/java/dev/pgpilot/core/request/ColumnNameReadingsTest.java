package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "date" and "time" after a column's name are its type as often as the end of its name: with an
 * article the phrase is a noun ("a due date" is due_date), without one ("birthday date") both
 * readings are offered and nothing is picked. Names glued from a sentence are refused.
 */
class ColumnNameReadingsTest {
    static Catalog catalog;

    @BeforeAll
    static void schema() {
        catalog = Fixture.catalog(Domains.fresh());
    }

    private static AddColumn onlyColumn(String request) {
        List<ChangeRequest> changes = new RequestParser(catalog).parse(request).changes();
        assertEquals(1, changes.size(), changes.toString());
        return assertInstanceOfAddColumn(changes.get(0));
    }

    private static AddColumn assertInstanceOfAddColumn(ChangeRequest c) {
        assertTrue(c instanceof AddColumn, c.toString());
        return (AddColumn) c;
    }

    @Test
    void aTypeWordAfterANameWithoutAnArticleOffersBothReadingsEachPlannable() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(catalog).parse("add birthday date to patients"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertEquals(List.of("add birthday of type date to patients", "add birthday_date date to patients"),
                e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
        assertEquals("birthday", onlyColumn(e.readings().get(0).request()).column().name());
        assertEquals("birthday_date", onlyColumn(e.readings().get(1).request()).column().name());
        assertEquals("date", onlyColumn(e.readings().get(1).request()).column().type());
    }

    /**
     * Geometric type names are everyday nouns ("meeting point", "file path", "address line"): after a
     * name with an article they end the name and the type comes from the name; without one both
     * readings are offered, the type reading with the geometric type.
     */
    @Test
    void aGeometricTypeWordAfterANameWithoutAnArticleOffersBothReadings() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(catalog).parse("add area polygon to patients"));
        assertEquals(List.of("add area of type polygon to patients", "add area_polygon polygon to patients"),
                e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
        assertEquals("polygon", onlyColumn(e.readings().get(0).request()).column().type());
    }

    /** Beside "weekday smallint" the list is written name then type, so "opens time" is opens of type time, never glued into opens_time. */
    @Test
    void aTimeColumnInATableDefinitionWrittenNameThenTypeTakesTheTypeNotTheGluedName() {
        ChangeRequest.CreateTable t = assertInstanceOf(ChangeRequest.CreateTable.class,
                new RequestParser(catalog).parse("create table shifts with weekday smallint not null, opens time, closes_at time").changes().get(0));
        assertEquals("time", t.columns().stream().filter(c -> c.name().equals("opens")).findFirst().orElseThrow().type());
        assertTrue(t.columns().stream().noneMatch(c -> c.name().equals("opens_time")), t.columns().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        students need a due date                  | due_date      | date
        add a start time to patients              | start_time    | time
        add phone number to patients              | phone_number  | text
        add birthday_date date to patients        | birthday_date | date
        patients need a meeting point             | meeting_point | text
        add a file path to notes                  | file_path     | text
        add an address line to patients           | address_line  | text
        add pickup point text to patients         | pickup_point  | text
        add location of type point to patients    | location      | point
        """)
    void aNounPhraseOrAnUnderscoredNameIsOneReading(String request, String column, String type) {
        AddColumn c = onlyColumn(request);
        assertEquals(column, c.column().name());
        assertEquals(type, c.column().type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        create table badges with name text not null then everyone likes badges     | did not understand "then"
        add last seen on mobile app timestamptz to patients                        | did not understand
        add favourite gym class level text to patients                             | as a column name
        add cooking and sign language to the courses list                          | did not understand "list"
        add a nickname to patients list                                            | did not understand "list"
        """)
    void aSentenceIsNeverGluedIntoAColumnName(String request, String reason) {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse(request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains(reason), e.getMessage() + " / " + e.hint());
    }
}
