package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several changes in one request become one migration: each clause is read against the schema as
 * the clauses before it leave it, "it" and a clause without a table lean on the clause before, and
 * a clause that cannot be read refuses the whole request naming that clause. Applied to a real
 * database.
 */
class MultiChangeTest {
    static Catalog catalog;

    @BeforeAll
    static void schema() {
        catalog = Fixture.catalog(Domains.fresh());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        add a nickname column to patients and an index on patients.born_on     | select evalx.coltype('patients','nickname') = 'text' and evalx.indexdefs('patients') ~ '\\(born_on\\)'
        add paid_by uuid references auth.users to appointments and index it   | select evalx.condefs('appointments') ~ 'FOREIGN KEY \\(paid_by\\) REFERENCES auth.users' and evalx.indexdefs('appointments') ~ '\\(paid_by\\)'
        add updated_at to notes and keep it current with a trigger            | select exists (select 1 from pg_trigger where tgrelid = 'public.notes'::regclass and not tgisinternal) and evalx.coltype('notes','updated_at') = 'timestamp with time zone'
        drop patients.phone, then add mobile text                             | select evalx.coltype('patients','phone') is null and evalx.coltype('patients','mobile') = 'text'
        rename notes.body to content, and also make it required               | select evalx.notnull('notes','content')
        create table badges with name text not null, then let everyone read badges | select exists (select 1 from pg_policies where tablename = 'badges' and cmd = 'SELECT' and roles @> array['anon'::name])
        create table tags with name text not null, and let users read it      | select exists (select 1 from pg_policies where tablename = 'tags' and cmd = 'SELECT') and evalx.coltype('tags','name') = 'text'
        add price numeric(8,2) to courses; index courses by price             | select evalx.coltype('courses','price') = 'numeric(8,2)' and evalx.indexdefs('courses') ~ '\\(price\\)'
        add blood_type text and donor boolean default false to patients       | select evalx.coltype('patients','blood_type') = 'text' and evalx.coldefault('patients','donor') = 'false'
        create table badges with label text, then add a badge_id referencing badges to students | select evalx.condefs('students') ~ 'REFERENCES badges\\(id\\)'
        """)
    void eachClauseIsPlannedAgainstTheSchemaTheClausesBeforeItLeave(String request, String check) throws Exception {
        DatabaseTarget db = Domains.fresh();
        List<MigrationSql> all = Domains.planAll(db, request);
        RoundTripTest.assertLintClean(all);
        for (MigrationSql m : all) Fixture.run(db, m.upSql());
        assertEquals("t", Fixture.query(db, check), all.toString());
        for (int i = all.size() - 1; i >= 0; i--) Fixture.run(db, all.get(i).downSql());
        assertEquals(Fixture.catalog(Domains.fresh()).tables().keySet(), Fixture.catalog(db).tables().keySet(), "the down script leaves the tables as they were");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        add nickname text to patients and drop the sparkle column         | "drop the sparkle column"
        add nickname text to patients, then drop table unicorns           | unicorns
        rename notes.body to content and make it purple                   | "make it purple"
        """)
    void aClauseThatCannotBeReadRefusesTheWholeRequestNamingIt(String request, String named) {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse(request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue((e.getMessage() + " " + e.hint()).contains(named), e.getMessage() + " / " + e.hint());
    }

    @Test
    void twoCommandsOfOnePolicyStayOneClause() {
        ChangeSet set = new RequestParser(catalog).parse("users can read and delete their own tasks");
        assertEquals(2, set.changes().size(), set.changes().toString());
        assertTrue(set.changes().stream().allMatch(c -> c instanceof ChangeRequest.CreatePolicy), set.changes().toString());
    }

    @Test
    void theSameChangeAskedTwiceIsPlannedOnce() {
        ChangeSet set = new RequestParser(catalog).parse("add paid_by uuid references auth.users to appointments and index it");
        assertEquals(1, set.changes().stream().filter(c -> c instanceof ChangeRequest.CreateIndex).count(), set.changes().toString());
        assertFalse(set.alreadyThere().stream().anyMatch(s -> s.contains("paid_by")), "an index this migration creates is not 'already there': " + set.alreadyThere());
    }

    @Test
    void theMigrationOfATableAndItsPolicyReadsAsPinned() throws Exception {
        DatabaseTarget db = Domains.fresh();
        MigrationSql m = Domains.plan(db, "create table tags with name text not null unique, and let users read it");
        Golden.assertMatches("migrations/multi-table-and-policy.txt", m.upSql() + "\n-- ======== down ========\n" + m.downSql());
    }
}
