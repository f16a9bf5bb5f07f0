package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.InternalAccess;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests to change rows (delete, update, insert, truncate, backfill ...) are refused with the way
 * to write them by hand, through Pilot, writing nothing: read as schema changes they would drop a
 * column or a table. Phrased over the task, clinic, marketplace and school schemas.
 */
class RowChangeRefusalTest {
    static Catalog catalog;
    @TempDir Path work;

    @BeforeAll
    static void schema() {
        catalog = Fixture.catalog(Domains.fresh());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "delete the tasks whose status is done",
        "delete from tasks",
        "delete from patients where phone is null",
        "remove all rows from logs",
        "delete every log older than 30 days",
        "delete all listings",
        "delete all the tasks that are done",
        "remove old logs",
        "remove students who have no grade",
        "purge expired appointments",
        "clean up logs created before 2024",
        "erase the records in notes",
        "delete duplicate patients",
        "truncate logs",
        "truncate the logs table",
        "empty the logs table",
        "clear the notes table",
        "wipe all appointments",
        "update tasks set done = true",
        "update listings set sold = true where price > 100",
        "update all tasks to done",
        "set all prices to 0",
        "set every listing price to 10",
        "set the status of all appointments to 'cancelled'",
        "mark every task as done",
        "mark task 5 as done",
        "make all listings sold",
        "change every status to 'archived'",
        "reset all grades to zero",
        "insert a row into courses",
        "insert into students (name) values ('Ann')",
        "insert 'Biology' into courses",
        "add a row to courses with title 'Math'",
        "add sample data to listings",
        "add some test records to patients",
        "seed the courses table",
        "populate notes with dummy data",
        "backfill tasks.notes from title",
        "fill the phone column with '000'",
        "increment every grade by one",
        "please delete from appointments where status is 'cancelled'",
        "can you remove all rows in enrollments",
        "copy all students into courses",
        "archive appointments older than a year",
        "delete the doing tasks",
        "remove the sold listings",
        "get rid of sold listings",
    })
    void aRowChangeIsRefusedWithTheHandWrittenWayAndNothingIsWritten(String request) throws Exception {
        PilotException e = refusedWritingNothing(request);
        assertTrue(e.getMessage().startsWith("this asks to change rows, not the schema"), e.getMessage());
        assertEquals("write the data change by hand in a blank migration: pgpilot new --empty NAME", e.hint());
    }

    private PilotException refusedWritingNothing(String request) throws Exception {
        Pilot pilot = new Pilot(Pilot.Options.cli(work), Clock.systemUTC(), Map.of());
        PilotException e = assertThrows(PilotException.class, () -> pilot.write(InternalAccess.plan(pilot, request, catalog)));
        assertEquals(PilotException.REFUSED, e.exitCode());
        try (Stream<Path> s = Files.walk(work)) {
            assertEquals(0, s.filter(p -> p.toString().endsWith(".sql")).count(), "a refused request writes nothing");
        }
        return e;
    }

    /**
     * Words that name rows or a table's rows with a verb no frame knows ("cancel", "publish"), a
     * capitalised name or a possessive: the refusal stays what it was (nothing is planned or
     * written) and its hint also says how to write a row change by hand.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "cancel all appointments for tomorrow",
        "publish all courses",
        "delete patient Pat One",
        "remove Ann from Biology",
        "give everyone an A in Algebra",
        "mark invoice INV-1 as paid",
        "unenroll Student C from Biology",
    })
    void aRefusalOfWordsThatNameRowsAlsoHintsTheHandWrittenWay(String request) throws Exception {
        PilotException e = refusedWritingNothing(request);
        assertTrue(e.hint().endsWith("(data), not the schema, write it by hand in a blank migration: pgpilot new --empty NAME"), e.hint());
    }

    /** A refusal about the schema itself keeps its own hint: an unknown column named with the word column. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"drop the colour column from tasks", "add a tasks index on nothing", "users can not delete their own tasks"})
    void aRefusalAboutTheSchemaDoesNotHintAtRows(String request) {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse(request));
        assertTrue(e.hint() == null || !e.hint().contains("(data), not the schema"), e.hint());
    }

    /**
     * A table named in two words with a value of its own enum before it ("the cancelled work
     * orders") picks rows: refused as a row change, not offered as a choice between columns whose
     * names contain the table's words.
     */
    @Test
    void rowsPickedByAnEnumValueOfATwoWordTableAreARowChange() {
        Catalog tiny = new TinyCatalog().enumType("work_order_status", "new", "cancelled")
                .table("work_orders", "id uuid", "status work_order_status")
                .table("visits", "id uuid", "work_order_id uuid").table("invoices", "id uuid", "work_order_id uuid").build();
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(tiny).parse("delete the cancelled work orders"));
        assertTrue(e.getMessage().startsWith("this asks to change rows, not the schema"), e.getMessage());
    }

    /** The same verbs about the schema still plan schema changes. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "delete the notes column from tasks",
        "drop table logs",
        "remove column phone from patients",
        "set the default of appointments.status to 'confirmed'",
        "make patients phone required",
        "drop the default on tasks status",
        "change listings price to numeric(12,2)",
        "drop the sold column from listings",
        "remove sold from listings",
    })
    void schemaChangesWithTheSameVerbsAreStillPlanned(String request) {
        ChangeSet set = new RequestParser(catalog).parse(request);
        assertEquals(1, set.changes().size(), set.toString());
    }
}
