package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.db.DatabaseTarget;
import dev.pgpilot.core.render.Migration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal path says why (exit 1), and names in requests can never smuggle SQL. */
class RequestRefusalTest {
    static DatabaseTarget db;
    static Catalog catalog;

    @BeforeAll
    static void load() {
        db = Fixture.fresh();
        catalog = Fixture.catalog(db);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        hello there                                         | not a schema change
        make me a sandwich                                  | not a schema change
        '   '                                               | empty request
        add a column                                        | incomplete request
        add notes to ghosts                                 | unknown table: ghosts
        add a column nickname text to the ordrz table       | unknown table: ordrz
        add nickname text to table ordrz                    | unknown table: ordrz
        the ordrz table needs a nickname column             | unknown table: ordrz
        drop everything                                     | vague destructive
        delete all the tables                               | vague destructive
        rename customers.emial to mail                      | unknown column emial
        change the type of orders.total to wibble           | unknown type
        add score blob to orders                            | unknown type: blob
        default orders status to 'lost'                     | not a value of order_status
        create table orders with note text                  | already exists
        add email text to customers                         | already exists
        everyone can delete posts                           | public delete policies are not generated
        admins can read orders                              | no admin table
        authors can read their own labels                   | no owner column
        turn off rls on posts                               | not generated from plain English
        enable rls on posts                                 | already enabled
        require organizations.name                          | already required
        index orders on colour                              | unknown column colour
        drop the idx_nothing index                          | unknown index: idx_nothing
        create an enum mood                                 | which values
        create a bucket                                     | what is the bucket called
        comment on table orders                             | comment with what text
        add notes text to orders; drop table customers      | did not understand
        rename customers.full_name to "Robert'); drop table students;--" | not a valid name
        add "x; drop table orders" text to orders           | did not understand
        """)
    void refusesWithAReasonAndExitOne(String request, String reason) {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse(request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void unknownTableSuggestsTheClosestNames() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("add notes text to ordrs"));
        assertEquals("did you mean orders?", e.hint());
    }

    @Test
    void addingToAMisspelledTableIsRefusedNeverTurnedIntoANewTable() throws Exception {
        DatabaseTarget fresh = Fixture.fresh();
        Fixture.exec(fresh, "create table public.users (id uuid primary key, email text)");
        PilotException e = assertThrows(PilotException.class,
                () -> new RequestParser(Fixture.catalog(fresh)).parse("add a column nickname text to the userz table"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("unknown table: userz"), e.getMessage());
        assertEquals("did you mean users?", e.hint());
    }

    @Test
    void unknownColumnSuggestsTheClosestColumn() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("require customers.emial"));
        assertTrue(e.hint().contains("email"), e.hint());
    }

    @Test
    void tooLongANameIsRefused() {
        String name = "n".repeat(64);
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("add " + name + " text to orders"));
        assertTrue(e.getMessage().contains("not a valid name"), e.getMessage());
    }

    @Test
    void quotesAndSemicolonsInACommentStayInsideTheLiteral() throws Exception {
        DatabaseTarget fresh = Fixture.fresh();
        String text = "it's'; drop table orders; --";
        Migration m = RoundTripTest.plan(fresh, "comment on table orders: " + text);
        Fixture.exec(fresh, m.upSql());
        assertEquals(text, Fixture.query(fresh, "select obj_description('public.orders'::regclass, 'pg_class')"));
        assertEquals("t", Fixture.query(fresh, "select to_regclass('public.orders') is not null"));
    }

    @Test
    void requestTextWithNewlinesAppearsOnlyInsideOneCommentLine() {
        Migration m = new MigrationRenderer0().plan("add notes text\r\nto orders\u2028");
        assertTrue(m.upSql().contains("-- Request: add notes text to orders\n"), m.upSql());
        for (String line : m.upSql().split("\n")) assertFalse(line.startsWith("to orders"), line);
    }

    @Test
    void quotedValuesInAPartialIndexAreEscaped() throws Exception {
        DatabaseTarget fresh = Fixture.fresh();
        Migration m = RoundTripTest.plan(fresh, "index customers on email where full_name is 'o''brien; drop table orders'");
        Fixture.exec(fresh, m.upSql());
        assertEquals("t", Fixture.query(fresh, "select to_regclass('public.orders') is not null and evalx.indexdefs('customers') ~ 'o''''brien'"));
    }

    /** Plans without a database connection, against the shared fixture catalog. */
    private static final class MigrationRenderer0 {
        Migration plan(String request) {
            return new dev.pgpilot.core.render.MigrationRenderer().render(new RequestParser(catalog).parse(request), java.time.Instant.EPOCH);
        }
    }
}
