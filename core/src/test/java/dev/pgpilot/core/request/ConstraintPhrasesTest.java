package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Check constraints, foreign keys and indexes as people word them: the column named by everyday
 * words ("listing prices", "date of birth", "by task"), the rule by a range, a list, a case, a
 * date or another column, what happens on delete by a sentence. Applied to a real database.
 */
class ConstraintPhrasesTest {
    private static final String SETUP = "alter table public.listings add column currency text, add column color text;"
            + "alter table public.patients add column date_of_birth date;"
            + "alter table public.appointments add column ends_at timestamptz;"
            + "alter table public.notes add column task_id uuid";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        student grades must be between 0 and 100                        | select evalx.condefs('students') ~ 'grade >= 0\\) AND \\(grade <= 100'
        grades go from 1 to 12                                          | select evalx.condefs('students') ~ 'grade >= 1\\) AND \\(grade <= 12'
        listing prices must not be negative                             | select evalx.condefs('listings') ~ 'price >= \\(?0'
        currency must be 3 uppercase letters                            | select evalx.condefs('listings') ~ 'currency ~ ''\\^\\[A-Z\\]\\{3\\}\\$'''
        listing colors must be one of red, green or blue                | select evalx.condefs('listings') ~ 'color = ANY' and evalx.condefs('listings') ~ 'blue'
        date of birth must not be in the future                         | select evalx.condefs('patients') ~ 'date_of_birth <= CURRENT_DATE'
        appointments must end after they start                          | select evalx.condefs('appointments') ~ 'ends_at > starts_at'
        notes.task_id should reference tasks, set null if the task is deleted | select evalx.condefs('notes') ~ 'REFERENCES tasks\\(id\\) ON DELETE SET NULL'
        when a task is deleted, set notes.task_id to null               | select evalx.condefs('notes') ~ 'REFERENCES tasks\\(id\\) ON DELETE SET NULL'
        index notes by task                                             | select evalx.indexdefs('notes') ~ 'btree \\(task_id\\)'
        """)
    void theColumnAndTheRuleAreReadFromEverydayWords(String request, String check) throws Exception {
        DatabaseTarget db = Domains.fresh();
        Fixture.exec(db, SETUP);
        MigrationSql m = Domains.plan(db, request);
        RoundTripTest.assertLintClean(m);
        Fixture.exec(db, m.upSql());
        assertEquals("t", Fixture.query(db, check), m.upSql());
    }
}
