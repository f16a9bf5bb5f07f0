package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.target.DatabaseTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Enums and triggers as people word them, on a schema the parser was not written against: a value
 * added at a place ("before low", "between low and high"), to the enum a column uses ("notes.priority
 * can also be blocked"), a value renamed, an enum made and used for an existing column, updated_at
 * kept current, a trigger dropped by name. Applied twice on a real database and checked; where
 * PostgreSQL can undo it, the down script gives back the catalog it started from.
 */
class EnumAndTriggerPhrasesTest {
    private static final String SETUP = "create type public.priority as enum ('low', 'high');"
            + "alter table public.notes add column priority public.priority, add column kind text not null default 'memo', add column updated_at timestamptz not null default now();"
            + "create function public.touch() returns trigger language plpgsql as 'begin new.updated_at = now(); return new; end';"
            + "create trigger notes_touch_updated_at before update on public.notes for each row execute function public.touch()";

    private static DatabaseTarget db() throws Exception {
        DatabaseTarget db = Domains.fresh();
        Fixture.exec(db, SETUP);
        return db;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        add 'urgent' to priority after high                   | {low,high,urgent}
        add a medium priority level between low and high      | {low,medium,high}
        add a 'critical' priority before low                  | {critical,low,high}
        notes.priority can also be blocked                    | {low,high,blocked}
        add an extra priority level                           | {low,high,extra}
        """)
    void aValueGoesWhereTheRequestSays(String request, String labels) throws Exception {
        DatabaseTarget db = db();
        MigrationSql m = Domains.plan(db, request);
        RoundTripTest.assertLintClean(m);
        Fixture.run(db, m.upSql());
        Fixture.run(db, m.upSql());
        assertEquals(labels, Fixture.query(db, "select evalx.labels('priority')::text"), m.upSql());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        rename the priority value high to top                 | select evalx.labels('priority') = array['low','top']
        rename tasks status doing to in_progress              | select evalx.labels('task_status') = array['todo','in_progress','done']
        rename the enum value 'low' of priority to 'minor'    | select evalx.labels('priority') = array['minor','high']
        create an enum note_kind with memo, idea and use it for notes.kind | select evalx.coltype('notes','kind') = 'note_kind' and evalx.coldefault('notes','kind') = '''memo''::note_kind'
        add an updated_at to tasks that keeps itself current  | select evalx.coltype('tasks','updated_at') = 'timestamp with time zone' and exists (select 1 from pg_trigger where tgrelid = 'public.tasks'::regclass and not tgisinternal)
        keep tasks.updated_at current                         | select evalx.coltype('tasks','updated_at') = 'timestamp with time zone' and exists (select 1 from pg_trigger where tgrelid = 'public.tasks'::regclass and not tgisinternal)
        drop the notes_touch_updated_at trigger               | select not exists (select 1 from pg_trigger where tgname = 'notes_touch_updated_at')
        """)
    void appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(String request, String check) throws Exception {
        DatabaseTarget db = db();
        RoundTripTest.appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(db, request, check);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        add 'urgent' to priority after highest                | 'highest' is not a value of priority
        add 'review' to task_status between todo and done     | todo and done are not next to each other
        rename the priority value highest to top              | highest
        rename the priority value low to high                 | 'high' is already a value of priority
        create an enum mood with happy, sad and use it for notes.kind | 'memo'
        drop the notes_touch trigger                          | unknown trigger: notes_touch
        """)
    void whatItCannotPinDownIsRefusedNamingIt(String request, String mention) throws Exception {
        DatabaseTarget db = db();
        PilotException e = assertThrows(PilotException.class, () -> Domains.planAll(db, request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue((e.getMessage() + " " + e.hint()).contains(mention), e.getMessage() + " / " + e.hint());
    }

    @Test
    void aValueThatIsAlsoAColumnIsAskedAboutNeverPicked() throws Exception {
        DatabaseTarget db = db();
        AmbiguousRequest a = assertInstanceOf(AmbiguousRequest.class, assertThrows(PilotException.class, () -> Domains.planAll(db, "rename done to finished")));
        assertEquals(2, a.readings().size(), a.getMessage());
    }

    @Test
    void updatedAtKeptByAnotherTriggerIsAlreadyThere() throws Exception {
        DatabaseTarget db = db();
        PilotException e = assertThrows(PilotException.class, () -> Domains.planAll(db, "keep notes.updated_at current"));
        assertEquals(PilotException.NOTHING_TO_DO, e.exitCode(), e.getMessage());
    }
}
