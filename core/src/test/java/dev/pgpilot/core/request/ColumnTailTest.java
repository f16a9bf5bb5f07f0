package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a column description says after the column, through the whole parser: a tail about "it"
 * (", it can be null", "it must be set", "which defaults to 0"), "no default", "but" between two
 * modifiers, a type alone after a comma, and a name after "called"/"named" that is also a type or
 * a keyword.
 */
class ColumnTailTest {
    static final Catalog CATALOG = new TinyCatalog()
            .table("tasks", "id bigint!", "title text!", "notes text")
            .table("sessions", "id bigint!", "starts_at timestamptz!")
            .build();

    private static List<ChangeRequest> parse(String request) {
        return new RequestParser(CATALOG).parse(request).changes();
    }

    /** The one change, an added column, as "table: name type [not null] [default]". */
    private static String added(String request) {
        List<ChangeRequest> c = parse(request);
        assertEquals(1, c.size(), c.toString());
        AddColumn a = assertInstanceOf(AddColumn.class, c.get(0));
        ColumnDef d = a.column();
        return a.table().name() + ": " + d.name() + " " + d.type() + (d.notNull() ? " not null" : "") + (d.defaultSql() == null ? "" : " default " + d.defaultSql());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "tasks: add a reviewed_at timestamptz, it can be null | tasks: reviewed_at timestamptz",
            "sessions: add a room text, it may be left empty | sessions: room text",
            "add a room text to sessions, it's optional | sessions: room text",
            "add a room text to sessions, and it is nullable | sessions: room text",
            "sessions: add a capacity int, it must be set | sessions: capacity integer not null",
            "add a capacity int to sessions, it has to be filled in | sessions: capacity integer not null",
            "add capacity integer to sessions, it can't be null | sessions: capacity integer not null",
            "tasks: add a priority int, it should default to 3 | tasks: priority integer default 3",
            "add a priority int to tasks, it defaults to 3 | tasks: priority integer default 3",
            "add a seen_at timestamptz to tasks which defaults to now() | tasks: seen_at timestamptz default now()",
            "add a views integer to tasks that starts at 0 | tasks: views integer default 0"})
    void aTailAboutItDescribesTheColumnJustAdded(String request, String column) {
        assertEquals(column, added(request));
    }

    @Test
    void aTailThatIsNoModifierStaysAChangeOfItsOwn() {
        List<ChangeRequest> c = parse("add a views integer default 0 to tasks, and it can't be negative");
        assertEquals(2, c.size(), c.toString());
        assertInstanceOf(AddColumn.class, c.get(0));
        assertInstanceOf(AddCheck.class, c.get(1));
    }

    @Test
    void aTailAfterAChangeToAnExistingColumnIsAClauseAboutThatColumn() {
        // "it" is tasks.notes, renamed details, already optional: the rename is planned and the tail listed as already so
        ChangeSet s = new RequestParser(CATALOG).parse("rename tasks.notes to details, it can be null");
        assertEquals(List.of("details"), s.changes().stream().map(c -> assertInstanceOf(RenameColumn.class, c).to()).toList());
        assertEquals(List.of("tasks.details is already optional"), s.alreadyThere());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "add archived_at timestamptz to tasks, nullable, no default | tasks: archived_at timestamptz",
            "add archived_at timestamptz to tasks without a default | tasks: archived_at timestamptz",
            "add archived_at timestamptz to tasks, optional, with no default | tasks: archived_at timestamptz",
            "add a priority int to tasks, with a default of 2 | tasks: priority integer default 2",
            "add a color column to tasks, not null but defaulting to 'gray' | tasks: color text not null default 'gray'",
            "add a weight column to tasks, numeric(4,2), default 1, not null | tasks: weight numeric(4,2) not null default 1",
            "add a label to tasks, varchar(40) | tasks: label varchar(40)"})
    void modifiersAndATypeAfterCommasBelongToTheColumn(String request, String column) {
        assertEquals(column, added(request));
    }

    @Test
    void noDefaultAndADefaultTogetherAreRefused() {
        PilotException e = assertThrows(PilotException.class, () -> parse("add archived_at timestamptz to tasks default now(), no default"));
        assertTrue(e.getMessage().contains("default"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "add a column named type of type text to tasks | tasks: type text",
            "add a column called date to tasks | tasks: date date",
            "add a field named default of type text to tasks | tasks: default text",
            "add a column called due date to tasks | tasks: due_date date"})
    void aWordAfterCalledOrNamedIsTheNameEvenWhenItIsATypeOrAKeyword(String request, String column) {
        assertEquals(column, added(request));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"add a room text to sessions, it can be anything", "add a room text to sessions, it must be blue"})
    void aTailNobodyCanReadIsRefusedNotDropped(String request) {
        assertThrows(PilotException.class, () -> parse(request));
    }
}
