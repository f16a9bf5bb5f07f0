package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The everyday ways of asking for a column or a change to one, read through the whole parser (every
 * word accounted for): modifiers after a comma, a table named before a colon, "give X a Y", "X can be
 * null now", a quoted new name, "the current user" as a default, and the type of a change read by the
 * same type linker as a new column's.
 */
class ColumnPhrasingsTest {
    static final Catalog CATALOG = new TinyCatalog()
            .table("projects", "id bigint!", "name text!", "color text", "description text", "is_public boolean!")
            .table("tasks", "id bigint!", "project_id bigint", "title text!", "notes text", "status task_status!", "estimate integer", "created_by uuid")
            .enumType("task_status", "todo", "doing", "done")
            .build();

    private static List<ChangeRequest> parse(String request) {
        return new RequestParser(CATALOG).parse(request).changes();
    }

    private static ColumnDef added(String request) {
        List<ChangeRequest> c = parse(request);
        return assertInstanceOf(AddColumn.class, c.get(0), c.toString()).column();
    }

    /** name type [not null] [default]: what a person reads in the SQL. */
    private static String said(ColumnDef c) {
        return c.name() + " " + c.type() + (c.notNull() ? " not null" : "") + (c.defaultSql() == null ? "" : " default " + c.defaultSql());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "add a boolean archived to projects, default false, not null | archived boolean not null default false",
            "add a pinned flag to tasks, default false | pinned boolean default false",
            "add a settings jsonb column to projects, not null, default empty object | settings jsonb not null default '{}'::jsonb",
            "add a budget numeric(12,2) column on projects, it can be null | budget numeric(12,2)"})
    void modifiersAfterACommaBelongToTheColumnBeforeThem(String request, String column) {
        assertEquals(column, said(added(request)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "projects: add a budget numeric(12,2) column | projects | budget numeric(12,2)",
            "tasks: add started_at timestamptz | tasks | started_at timestamptz",
            "tasks: add points int not null default 0 | tasks | points integer not null default 0",
            "give tasks a story_points smallint | tasks | story_points smallint",
            "give projects a description_html | projects | description_html text"})
    void aTableNamedBeforeAColonOrAfterGiveIsWhereTheColumnGoes(String request, String table, String column) {
        AddColumn a = assertInstanceOf(AddColumn.class, parse(request).get(0));
        assertEquals(table, a.table().name());
        assertEquals(column, said(a.column()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"tasks.title can be null now | tasks | title", "project names can be empty | projects | name",
            "task titles are allowed to be empty (null) | tasks | title"})
    void canBeNullMakesAColumnOptional(String request, String table, String column) {
        SetNotNull n = assertInstanceOf(SetNotNull.class, parse(request).get(0));
        assertEquals(List.of(table, column, false), List.of(n.table().name(), n.column(), n.notNull()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"add a 'timezone' text column to projects | timezone text",
            "please add a col 'archived' (bool) to projects | archived boolean"})
    void aQuotedNewNameIsTheColumnsName(String request, String column) {
        assertEquals(column, said(added(request)));
    }

    @Test
    void theCurrentUserAsADefaultIsAuthUid() {
        assertEquals("owner_id uuid default auth.uid()", said(added("add owner_id uuid to projects defaulting to the current user")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"change tasks.estimate to numeric(10,2) | numeric(10,2)", "make tasks.notes jsonb | jsonb",
            "tasks.notes should be a list of text | text[]", "change the type of tasks.notes to text[] | text[]"})
    void aTypeChangeLinksItsTypeLikeANewColumn(String request, String type) {
        List<ChangeRequest> c = parse(request);
        AlterColumnType t = assertInstanceOf(AlterColumnType.class, c.get(0), c.toString());
        assertEquals(type, t.newType());
    }

    @Test
    void aTypeChangeToATypeTheTargetLacksIsRefusedNamingIt() {
        PilotException e = assertThrows(PilotException.class, () -> parse("make tasks.notes citext"));
        assertTrue(e.getMessage().contains("citext"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"new tasks should default to doing | tasks | status | 'doing'",
            "projects should be public by default | projects | is_public | true",
            "tasks are 'todo' by default | tasks | status | 'todo'"})
    void aValueNamesTheColumnWhenOnlyTheTableIsNamed(String request, String table, String column, String value) {
        SetDefault d = assertInstanceOf(SetDefault.class, parse(request).get(0));
        assertEquals(List.of(table, column, value), List.of(d.table().name(), d.column(), d.defaultSql()));
    }

    @Test
    void aValueNoColumnCanTakeIsRefused() {
        PilotException e = assertThrows(PilotException.class, () -> parse("projects should be archived by default"));
        assertEquals(PilotException.REFUSED, e.exitCode());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"add an approved_by column to tasks that defaults to auth.uid() | approved_by uuid default auth.uid()",
            "add reviewed_at to projects, default now() | reviewed_at timestamptz default now()",
            "add a created_by column to projects | created_by uuid"})
    void aColumnWithNoTypeTakesItFromItsDefaultOrItsOwnerName(String request, String column) {
        assertEquals(column, said(added(request)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"Please add a 'timezone' column to projects? text, default 'UTC' | timezone text default 'UTC'",
            "could you add a due_on date to tasks please | due_on date", "plz add ranking int to tasks, thanks | ranking integer"})
    void politeWordsAroundARequestAskForNothing(String request, String column) {
        assertEquals(column, said(added(request)));
    }

    @Test
    void butJoinsTwoChanges() {
        List<ChangeRequest> c = parse("task titles can be empty, but the estimate is mandatory from now on");
        assertEquals(List.of(new SetNotNull(QualifiedName.pub("tasks"), "title", false), new SetNotNull(QualifiedName.pub("tasks"), "estimate", true)), c);
    }

    @Test
    void shouldAlwaysHaveAColumnTheTableHasMakesItRequired() {
        assertEquals(List.of(new SetNotNull(QualifiedName.pub("projects"), "color", true)), parse("projects should always have a color"));
    }

    @Test
    void shouldAlwaysHaveANewColumnAddsIt() {
        assertEquals("slug text", said(added("projects should always have a slug")));
    }
}
