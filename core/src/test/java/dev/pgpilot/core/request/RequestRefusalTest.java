package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
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
        index published posts                               | index which column of the posts rows where published = true?
        users can not delete their own posts                | "not" forbids: a policy only grants
        users should not be able to update their own posts  | "not" forbids: a policy only grants
        no user can delete their own posts                  | "no" forbids: a policy only grants
        users may never read their own posts                | "never" forbids: a policy only grants
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
        everyone can delete posts                           | public delete policies are not generated
        admins can read orders                              | no admin table
        authors can read their own labels                   | no owner column
        turn off rls on posts                               | not generated from plain English
        require organizations.name                          | already required
        index orders on colour                              | unknown column colour
        drop the idx_nothing index                          | unknown index: idx_nothing
        create an enum mood                                 | which values
        create a bucket                                     | what is the bucket called
        comment on table orders                             | comment with what text
        add notes text to orders; drop table ghosts         | did not understand the part "drop table ghosts"
        rename customers.full_name to "Robert'); drop table students;--" | not a valid name
        add "x; drop table orders" text to orders           | did not understand
        orders table please                                 | not a schema change I understand
        add notes text to the                               | incomplete request: which table?
        add to orders                                       | incomplete request: which column?
        add unique to orders                                | incomplete request: which column?
        add status text default to orders                   | default without a value
        add owner_id references to orders                   | references what?
        add scores array of blobs to orders                 | unknown type: array of blobs
        add notes text 5 to orders                          | did not understand "5"
        add paid boolean default 'yes' to orders            | does not fit type boolean
        add membership_id references memberships to orders  | no single-column primary key
        add note text default > to orders                   | not a default value: >
        require emial                                       | which table? none of the words
        make orders required                                | which column of public.orders?
        make customers emial required                       | unknown column emial in table public.customers
        orders total must be greater                        | which rule should orders.total follow?
        set the default for orders.status                   | default to what?
        rename customers.full_name                          | rename to what?
        rename table to x                                   | rename which table?
        rename table labels to orders                       | table orders already exists
        rename customers.full_name to email                 | column email already exists
        add a foreign key                                   | foreign key from what to what?
        comments.post_id references the table               | references which table?
        drop the constraint orders_total_positive           | dropping constraints is not supported
        drop the table                                      | drop which table?
        remove it                                           | drop what?
        drop table ghosts                                   | unknown table: ghosts
        create a table                                      | what is the table called?
        create a join table post_links linking posts        | a join table links exactly two tables
        create a join table post_pairs linking posts and posts | a join table of a table with itself
        create table shipments for                          | for which table?
        create table shipments for ghosts                   | unknown table: ghosts
        create table things with note text and note text    | column note named twice
        add an index                                        | index which table?
        index orders                                        | index orders on which column?
        index posts on title where colour is 'red'          | condition names no column of public.posts
        index posts on title where body is                  | condition on body has no value
        index posts on title where                          | empty condition
        drop the index posts_pkey                           | belongs to a constraint
        drop the index                                      | drop which index?
        create an enum                                      | what is the enum called?
        create an enum order_status with a and b            | type order_status already exists
        order_status should include                         | add which value to order_status?
        add to order_status                                 | add which value to order_status?
        enable rls                                          | which table?
        users can touch their own comments                  | can do what with comments?
        members can read labels                             | no membership table links users to labels
        delete the avatars bucket                           | deleting buckets is not generated
        create a bucket 'Bad Name'                          | not a valid bucket name
        comment on table orders: ''                         | empty comment text
        the needs a column nickname                         | which table?
        add 9lives text to orders                           | did not understand
        rename customers.full_name to full-name             | not a valid name
        create table Bad-Name with x text                   | not a valid name
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
    void aRequestOfMoreThan2000CharactersIsRefused() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("add notes text to orders " + "x".repeat(2000)));
        assertTrue(e.getMessage().contains("request too long"), e.getMessage());
    }

    @Test
    void anEnumValueOf64CharactersIsRefused() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("create an enum mood with '" + "x".repeat(64) + "'"));
        assertTrue(e.getMessage().contains("bad enum value"), e.getMessage());
        e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("add '" + "x".repeat(64) + "' to order_status"));
        assertTrue(e.getMessage().contains("bad enum value"), e.getMessage());
    }

    /** Values that try to close a quote or a dollar-quoted block reach the database as data, and nothing else runs. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        create an enum mood with 'x$$; drop table orders; --' and 'ok'         | select evalx.labels('mood') = array['x$$; drop table orders; --','ok']
        add 'y$$; drop table orders; --' to order_status                      | select 'y$$; drop table orders; --' = any(evalx.labels('order_status'))
        add note text default 'a''; drop table orders; --' to customers        | select evalx.coldefault('customers','note') = '''a''''; drop table orders; --''::text'
        comment on column orders.status: $$; drop table orders; $$             | select col_description('public.orders'::regclass, 3) = '$$; drop table orders; $$'
        anyone can read posts where title is 'x''); drop table orders; --'     | select exists (select 1 from pg_policies where tablename = 'posts' and qual ~ 'drop table orders')
        set the default of customers.email to '$$''; drop table orders; --'   | select evalx.coldefault('customers','email') ~ 'drop table orders'
        """)
    void injectionAttemptsStayData(String request, String check) throws Exception {
        DatabaseTarget fresh = Fixture.fresh();
        MigrationSql m = RoundTripTest.plan(fresh, request);
        RoundTripTest.assertLintClean(m);
        Fixture.exec(fresh, m.upSql());
        assertEquals("t", Fixture.query(fresh, check), m.upSql());
        assertEquals("t", Fixture.query(fresh, "select to_regclass('public.orders') is not null"), m.upSql());
        Fixture.exec(fresh, m.downSql());
        assertEquals("t", Fixture.query(fresh, "select to_regclass('public.orders') is not null"), m.downSql());
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
        MigrationSql m = RoundTripTest.plan(fresh, "comment on table orders: " + text);
        Fixture.exec(fresh, m.upSql());
        assertEquals(text, Fixture.query(fresh, "select obj_description('public.orders'::regclass, 'pg_class')"));
        assertEquals("t", Fixture.query(fresh, "select to_regclass('public.orders') is not null"));
    }

    @Test
    void requestTextWithNewlinesAppearsOnlyInsideOneCommentLine() {
        MigrationSql m = new MigrationRenderer0().plan("add notes text\r\nto orders\u2028");
        assertTrue(m.upSql().contains("-- Request: add notes text to orders\n"), m.upSql());
        for (String line : m.upSql().split("\n")) assertFalse(line.startsWith("to orders"), line);
    }

    @Test
    void quotedValuesInAPartialIndexAreEscaped() throws Exception {
        DatabaseTarget fresh = Fixture.fresh();
        MigrationSql m = RoundTripTest.plan(fresh, "index customers on email where full_name is 'o''brien; drop table orders'");
        Fixture.exec(fresh, m.upSql());
        assertEquals("t", Fixture.query(fresh, "select to_regclass('public.orders') is not null and evalx.indexdefs('customers') ~ 'o''''brien'"));
    }

    /** Plans without a database connection, against the shared fixture catalog. */
    private static final class MigrationRenderer0 {
        MigrationSql plan(String request) {
            return new dev.pgpilot.core.render.MigrationRenderer().render(new RequestParser(catalog).parse(request), java.time.Instant.EPOCH).get(0);
        }
    }
}
