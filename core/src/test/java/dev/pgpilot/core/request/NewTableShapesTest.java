package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.target.DatabaseTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * New tables as people word them: the name before "table" and a colon before the columns, a name of
 * several words, the standard timestamps written out, the table it belongs to ("for users"), and
 * "one row per user". Planned, linted and applied on a real database.
 */
class NewTableShapesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        we need a seller_payouts table: seller_id uuid not null references auth.users, amount_cents bigint not null | select evalx.coltype('seller_payouts','amount_cents') = 'bigint' and evalx.notnull('seller_payouts','seller_id')
        create a project invitations table with email text not null and expires_at timestamptz                 | select evalx.coltype('project_invitations','email') = 'text' and to_regclass('public.invitations') is null
        create table reports: reason text not null, created_at timestamptz default now()                        | select evalx.coltype('reports','created_at') = 'timestamp with time zone' and evalx.coldefault('reports','created_at') = 'now()' and evalx.notnull('reports','created_at')
        create table visits: seen_on date, created_at date                                                     | select evalx.coltype('visits','created_at') = 'date' and evalx.coltype('visits','updated_at') = 'timestamp with time zone'
        create a shipping_addresses table for users with line1 text not null, city text not null               | select evalx.condefs('shipping_addresses') ~ 'FOREIGN KEY \\(user_id\\) REFERENCES auth.users\\(id\\)' and evalx.notnull('shipping_addresses','city')
        create an office_hours table for teachers (teacher_id references auth.users, weekday smallint not null) | select evalx.condefs('office_hours') ~ 'FOREIGN KEY \\(teacher_id\\) REFERENCES auth.users' and evalx.coltype('office_hours','user_id') is null
        create a course_reviews table for courses with body text                                               | select evalx.condefs('course_reviews') ~ 'FOREIGN KEY \\(course_id\\) REFERENCES courses\\(id\\)'
        create table user_prefs, one row per user: user_id references auth.users, theme text                   | select evalx.condefs('user_prefs') ~ 'UNIQUE \\(user_id\\)' and evalx.notnull('user_prefs','user_id')
        create a table called user_settings, one row per user: id uuid primary key references auth.users on delete cascade, theme text default 'light' | select evalx.condefs('user_settings') ~ 'PRIMARY KEY \\(id\\)' and evalx.condefs('user_settings') ~ 'REFERENCES auth.users'
        """)
    void aNewTableIsCreatedAsWorded(String request, String check) throws Exception {
        DatabaseTarget db = Domains.fresh();
        MigrationSql m = Domains.plan(db, request);
        RoundTripTest.assertLintClean(m);
        Fixture.run(db, m.upSql());
        assertEquals("t", Fixture.query(db, check), m.upSql());
    }

    @Test
    void oneRowPerATableNoColumnRefersToIsRefusedNamingIt() {
        Catalog catalog = Fixture.catalog(Domains.fresh());
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("create table badges, one row per course: name text"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("one row per course: no column of the new table refers to public.courses"), e.getMessage());
    }
}
