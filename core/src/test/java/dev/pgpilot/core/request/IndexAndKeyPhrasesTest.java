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
 * Indexes and keys as people word them, on schemas the parser was not written against: the order
 * of the keys ("newest first", "desc"), unique per a scope ("per owner", "within a seller", "one X
 * per A per B"), the rows an index holds ("todo tasks", "(open = ...)"), gin on jsonb and arrays,
 * an index dropped by its column, another ON DELETE for an existing key. Each applied twice on a
 * real database, checked, and undone by its down script to the catalog it started from.
 */
class IndexAndKeyPhrasesTest {
    private static final String SETUP = "alter table public.logs add column payload jsonb, add column tags text[];"
            + "create index tasks_title_idx on public.tasks (title)";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        index logs by created_at, newest first                           | select evalx.indexdefs('logs') ~ '\\(created_at DESC\\)'
        add an index on tasks (owner_id, created_at desc)               | select evalx.indexdefs('tasks') ~ '\\(owner_id, created_at DESC\\)'
        index tasks by owner, newest first                              | select evalx.indexdefs('tasks') ~ '\\(owner_id, created_at DESC\\)'
        a descending index on appointments.starts_at                    | select evalx.indexdefs('appointments') ~ '\\(starts_at DESC\\)'
        task titles must be unique per owner                            | select evalx.indexdefs('tasks') ~ 'UNIQUE INDEX .*\\(owner_id, title\\)$'
        listing titles should be unique for each seller                 | select evalx.indexdefs('listings') ~ 'UNIQUE INDEX .*\\(seller_id, title\\)$'
        one appointment per patient per starts_at                       | select evalx.indexdefs('appointments') ~ 'UNIQUE INDEX .*\\(patient_id, starts_at\\)$'
        only one open task per title for each owner (open = status is not 'done') | select evalx.indexdefs('tasks') ~ 'UNIQUE INDEX .*\\(title, owner_id\\) WHERE \\(status <> ''done''::task_status\\)'
        index unsold listings: price where sold is false                | select evalx.indexdefs('listings') ~ '\\(price\\) WHERE \\(sold = false\\)'
        index todo tasks by created_at                                  | select evalx.indexdefs('tasks') ~ '\\(created_at\\) WHERE \\(status = ''todo''::task_status\\)'
        index done tasks by created_at                                  | select evalx.indexdefs('tasks') ~ '\\(created_at\\) WHERE \\(done = true\\)'
        gin index on logs payload                                       | select evalx.indexdefs('logs') ~ 'USING gin \\(payload\\)'
        add a gin index on logs.tags                                    | select evalx.indexdefs('logs') ~ 'USING gin \\(tags\\)'
        drop the index on tasks.title                                   | select evalx.indexdefs('tasks') !~ '\\(title\\)' and evalx.coltype('tasks','title') = 'text'
        tasks.owner_id: on delete set null                              | select evalx.condefs('tasks') ~ 'FOREIGN KEY \\(owner_id\\) REFERENCES auth.users\\(id\\) ON DELETE SET NULL'
        appointments.patient_id should restrict when the patient is deleted | select evalx.condefs('appointments') ~ 'REFERENCES patients\\(id\\) ON DELETE RESTRICT'
        """)
    void appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(String request, String check) throws Exception {
        DatabaseTarget db = Domains.fresh();
        Fixture.exec(db, SETUP);
        RoundTripTest.appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(db, request, check);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        index tasks by owner and created_at, newest first and oldest    | say "oldest first"
        index notes by body, newest first                               | newest first by which column of notes
        index tasks on owner_id and title, desc                         | which column is "desc"
        add a gin index on logs message and payload                     | mixes text with jsonb
        task titles must be unique per flavour                          | unique per what? "flavour"
        """)
    void anOrderOrScopeItCannotPinDownIsRefusedNamingIt(String request, String mention) throws Exception {
        DatabaseTarget db = Domains.fresh();
        Fixture.exec(db, SETUP);
        PilotException e = assertThrows(PilotException.class, () -> Domains.planAll(db, request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue((e.getMessage() + " " + e.hint()).contains(mention), e.getMessage() + " / " + e.hint());
    }

    @Test
    void anIndexNamedByAColumnThatHasTwoIsAskedAboutNeverPicked() throws Exception {
        DatabaseTarget db = Domains.fresh();
        Fixture.exec(db, SETUP + "; create index tasks_title_lower_idx on public.tasks (title) where done");
        AmbiguousRequest a = assertInstanceOf(AmbiguousRequest.class, assertThrows(PilotException.class, () -> Domains.planAll(db, "drop the index on tasks.title")));
        assertEquals(List.of("drop index tasks_title_idx", "drop index tasks_title_lower_idx"), a.readings().stream().map(AmbiguousRequest.Reading::request).sorted().toList());
    }

    @Test
    void aKeyAskedForAsItIsIsAlreadyThereAndItsDeleteRuleIsNotChangedUnasked() throws Exception {
        DatabaseTarget db = Domains.fresh();
        PilotException e = assertThrows(PilotException.class, () -> Domains.planAll(db, "appointments.patient_id references patients"));
        assertEquals(PilotException.NOTHING_TO_DO, e.exitCode(), e.getMessage());
    }
}
