package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every word of a request lands in a slot, is a function word of its change, or belongs to a
 * purpose clause: types and modifiers are never glued into names, and words the migration would
 * ignore are refused by name. Checked by applying the migration to a real database.
 */
class EveryWordAccountedTest {
    static Catalog catalog;

    @BeforeAll
    static void schema() {
        catalog = Fixture.catalog(Domains.fresh());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        add a nullable text column nickname to patients            | select evalx.coltype('patients','nickname') = 'text' and not evalx.notnull('patients','nickname')
        add a status column of type task_status to notes           | select evalx.coltype('notes','status') = 'task_status'
        add a search column of type tsvector to listings           | select evalx.coltype('listings','search') = 'tsvector'
        add weight float8 to listings                              | select evalx.coltype('listings','weight') = 'double precision'
        add views int8 not null default 0 to listings              | select evalx.coltype('listings','views') = 'bigint' and evalx.notnull('listings','views')
        add reminded_at timestamp with time zone to appointments   | select evalx.coltype('appointments','reminded_at') = 'timestamp with time zone'
        add code varchar(12) to courses                            | select evalx.coltype('courses','code') = 'character varying(12)'
        add fee numeric(8,3) to appointments                       | select evalx.coltype('appointments','fee') = 'numeric(8,3)'
        add tags text[] to listings                                | select evalx.coltype('listings','tags') = 'text[]'
        add score double precision to students                     | select evalx.coltype('students','score') = 'double precision'
        students need a due date                                   | select evalx.coltype('students','due_date') = 'date'
        listings need a tracking number                            | select evalx.coltype('listings','tracking_number') = 'text'
        add a priority of type task_status default 'doing' to notes | select evalx.coldefault('notes','priority') = '''doing''::task_status'
        add created_by uuid default auth.uid() to notes            | select evalx.coldefault('notes','created_by') = 'auth.uid()'
        add settings jsonb defaulting to an empty object to patients | select evalx.coldefault('patients','settings') = '''{}''::jsonb'
        add seen_at timestamptz default now() to notes             | select evalx.coldefault('notes','seen_at') = 'now()'
        add a reviewer column to notes that defaults to auth.uid() | select evalx.coltype('notes','reviewer') = 'uuid' and evalx.coldefault('notes','reviewer') = 'auth.uid()'
        add a checked column to notes defaulting to now()          | select evalx.coltype('notes','checked') = 'timestamp with time zone'
        add a flagged column to patients defaulting to false       | select evalx.coltype('patients','flagged') = 'boolean'
        add raw json to notes                                      | select evalx.coltype('notes','raw') = 'json'
        add balance numeric default -5 to students                 | select evalx.coldefault('students','balance') = '''-5''::integer' or evalx.coldefault('students','balance') ~ '-5'
        add deleted_at timestamptz to tasks for soft deletes       | select evalx.coltype('tasks','deleted_at') = 'timestamp with time zone'
        index logs on created_at for faster lookups                | select evalx.indexdefs('logs') ~ 'btree \\(created_at\\)'
        we don't need tasks.done                                   | select evalx.coltype('tasks','done') is null
        add a manager_id referencing patients on delete set null to appointments | select evalx.condefs('appointments') ~ 'REFERENCES patients\\(id\\) ON DELETE SET NULL'
        """)
    void eachWordLandsInItsSlot(String request, String check) throws Exception {
        DatabaseTarget db = Domains.fresh();
        MigrationSql m = Domains.plan(db, request);
        Fixture.exec(db, m.upSql());
        assertEquals("t", Fixture.query(db, check), m.upSql());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        make tasks title unique per owner forever                  | did not understand "forever"
        index tasks on created_at sideways                         | did not understand "sideways"
        add email citext to patients                               | type citext is not in the target database
        add a price column of type moneyz to courses               | unknown type: moneyz
        add a status column of type task_statuss to notes          | unknown type: task_statuss
        add a text varchar column title2 to notes                  | two types for one column
        add a nickname column to patients sorted by name           | did not understand
        add embedding vector(3) to notes                           | type vector is not in the target database
        add a column nickname text to patients for                 | did not understand "for"
        add remarks text to patients and also something else       | did not understand
        drop the tasks whose title is empty today                  | this asks to change rows
        """)
    void aWordNothingAccountsForIsRefusedByName(String request, String reason) {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse(request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains(reason), e.getMessage() + " / " + e.hint());
    }

    @Test
    void anUnknownTypeSuggestsTheEnumItWasMeantToBe() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("add a status column of type task_statuss to notes"));
        assertEquals("did you mean task_status?", e.hint());
    }

    @Test
    void aTypeFromAnInstalledExtensionIsUsedNotReplacedByText() throws Exception {
        DatabaseTarget db = Domains.fresh();
        Fixture.exec(db, "create extension if not exists citext");
        MigrationSql m = Domains.plan(db, "add email citext not null to patients");
        Fixture.exec(db, "delete from public.patients");
        Fixture.exec(db, m.upSql());
        assertEquals("t", Fixture.query(db, "select evalx.coltype('patients','email') = 'citext'"), m.upSql());
    }

    @Test
    void theMigrationForAnEnumTypedColumnUsesTheEnum() {
        Golden.assertMatches("request/add_enum_typed_column.sql", Domains.plan(Domains.fresh(), "add a status column of type task_status to notes").upSql());
    }
}
