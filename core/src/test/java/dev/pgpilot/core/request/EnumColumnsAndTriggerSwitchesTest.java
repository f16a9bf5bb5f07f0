package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import dev.pgpilot.core.request.ChangeRequest.AddEnumValue;
import dev.pgpilot.core.request.ChangeRequest.CreateEnum;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Enums and triggers as words, on a real database: a new column of listed values (labels as
 * written, the enum named by the request or after the table and column), a value placed before
 * another "in" an enum, an enum renamed as a type, a trigger turned off (not dropped) and the
 * updated_at trigger dropped by what it does; each down puts things back.
 */
class EnumColumnsAndTriggerSwitchesTest {
    private static final String LIBRARY = """
            create type public.loan_status as enum ('open', 'returned', 'lost');
            create type public.shelf as enum ('a', 'b');
            create table public.books (id bigint primary key, title text not null, shelf public.shelf);
            create table public.loans (id bigint primary key, book_id bigint references public.books(id), status public.loan_status not null default 'open',
              returned_at timestamptz, updated_at timestamptz not null default now(), genre text);
            create table public.visits (id bigint primary key, notes text);
            create table public.members (id bigint primary key, name text);
            create function public.set_updated_at() returns trigger language plpgsql as $$ begin new.updated_at = now(); return new; end $$;
            create trigger loans_set_updated_at before update on public.loans for each row execute function public.set_updated_at();
            create function public.audit() returns trigger language plpgsql as $$ begin return new; end $$;
            create trigger audit_loans after insert on public.loans for each row execute function public.audit();
            insert into public.books values (1, 'Dune', 'a');
            insert into public.loans (id, book_id, genre) values (1, 1, 'fiction'), (2, 1, 'poetry');
            """;

    private static DatabaseTarget library() throws SQLException {
        return Fixture.freshWith(LIBRARY);
    }

    private static List<ChangeRequest> changes(DatabaseTarget db, String request) {
        return new RequestParser(Fixture.catalog(db)).parse(request).changes();
    }

    /** Plans and applies; the down is run by the caller. */
    private static MigrationSql applied(DatabaseTarget db, String request) throws Exception {
        return RoundTripTest.applied(db, request);
    }

    @Test
    void aColumnOfListedValuesMakesANewEnumNamedForTheTableAndColumnWithTheLabelsAsWritten() throws Exception {
        DatabaseTarget db = library();
        assertEquals(List.of(new CreateEnum(QualifiedName.pub("visit_outcome"), List.of("fixed", "needs follow-up", "no access")),
                new AddColumn(QualifiedName.pub("visits"), ColumnDef.of("outcome", QualifiedName.pub("visit_outcome").sql()))),
                changes(db, "visits need an outcome column: fixed, needs follow-up or no access"));
        MigrationSql m = applied(db, "visits need an outcome column: fixed, needs follow-up or no access");
        assertEquals("{fixed,\"needs follow-up\",\"no access\"}", Fixture.query(db, "select enum_range(null::public.visit_outcome)::text"));
        assertEquals("visit_outcome", Fixture.query(db, "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'public.visits'::regclass and attname = 'outcome'"));
        Fixture.exec(db, m.downSql());
        assertEquals(null, Fixture.query(db, "select to_regtype('public.visit_outcome')::text"));
    }

    @Test
    void theOtherWaysOfListingTheValuesReadTheSame() throws Exception {
        DatabaseTarget db = library();
        assertEquals(List.of("basic", "plus", "premium"), created(changes(db, "give members a tier column which can be basic, plus or premium")).values());
        assertEquals("member_tier", created(changes(db, "give members a tier column which can be basic, plus or premium")).type().name());
        assertEquals(List.of("basic", "student", "senior"), created(changes(db, "members need a tier column, a new enum with basic, student and senior")).values());
        CreateEnum named = created(changes(db, "add kind book_kind to books, where book_kind is a new enum of novel, comic, atlas"));
        assertEquals(new CreateEnum(QualifiedName.pub("book_kind"), List.of("novel", "comic", "atlas")), named);
    }

    private static CreateEnum created(List<ChangeRequest> changes) {
        return assertInstanceOf(CreateEnum.class, changes.get(0));
    }

    @Test
    void aValuePlacedBeforeAnotherInAnEnumGoesThere() throws Exception {
        DatabaseTarget db = library();
        assertEquals(List.of(new AddEnumValue(QualifiedName.pub("loan_status"), "renewed", "returned", null, null)),
                changes(db, "add 'renewed' before 'returned' in loan_status"));
        applied(db, "add 'renewed' before 'returned' in loan_status");
        assertEquals("{open,renewed,returned,lost}", Fixture.query(db, "select enum_range(null::public.loan_status)::text"));
    }

    @Test
    void anEnumNamedAsATypeIsRenamedAndItsColumnsKeepTheirValues() throws Exception {
        DatabaseTarget db = library();
        MigrationSql m = applied(db, "rename the shelf type to shelf_code");
        assertEquals("shelf_code a", Fixture.query(db, "select pg_typeof(shelf)::text || ' ' || shelf from public.books"));
        Fixture.exec(db, m.upSql());
        Fixture.exec(db, m.downSql());
        assertEquals("shelf a", Fixture.query(db, "select pg_typeof(shelf)::text || ' ' || shelf from public.books"));
    }

    @Test
    void turningATriggerOffDisablesItAndTheDownEnablesItAgain() throws Exception {
        DatabaseTarget db = library();
        MigrationSql m = applied(db, "turn off the audit_loans trigger");
        assertEquals("D", Fixture.query(db, "select tgenabled::text from pg_trigger where tgname = 'audit_loans'"));
        Fixture.exec(db, m.downSql());
        assertEquals("O", Fixture.query(db, "select tgenabled::text from pg_trigger where tgname = 'audit_loans'"));
    }

    @Test
    void stoppingTheUpdatedAtBumpDropsTheTriggerThatDoesItAndTheDownCreatesItAgain() throws Exception {
        DatabaseTarget db = library();
        MigrationSql m = applied(db, "stop bumping loans.updated_at on every update");
        assertEquals("0", Fixture.query(db, "select count(*) from pg_trigger where tgname = 'loans_set_updated_at'"));
        assertEquals("1", Fixture.query(db, "select count(*) from pg_trigger where tgname = 'audit_loans'"), "the other trigger stays");
        Fixture.exec(db, m.downSql());
        assertEquals("1", Fixture.query(db, "select count(*) from pg_trigger where tgname = 'loans_set_updated_at'"));
    }

    @Test
    void anUpdatedAtThatSetsItselfIsTheColumnAndItsTrigger() throws Exception {
        DatabaseTarget db = library();
        applied(db, "add an updated_at to visits that sets itself on every update");
        Fixture.exec(db, "insert into public.visits (id) values (1); update public.visits set updated_at = '2000-01-01'; update public.visits set notes = 'x'");
        assertEquals("t", Fixture.query(db, "select updated_at > '2001-01-01' from public.visits"));
    }

    @Test
    void aTriggerThatSetsAColumnWhenAValueChangesIsRefusedNamingTheWords() throws Exception {
        DatabaseTarget db = library();
        PilotException e = assertThrows(PilotException.class, () -> changes(db, "when a loan's status changes to returned, set returned_at to now automatically"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue((e.getMessage() + e.hint()).contains("returned_at"), e.getMessage() + "\n" + e.hint());
    }

    @Test
    void aTextColumnWhoseValuesAreNoLabelsFailsLoudlyAndChangesNothing() throws Exception {
        DatabaseTarget db = library();
        Fixture.exec(db, "create type public.book_genre as enum ('fiction')");
        MigrationSql m = RoundTripTest.plan(db, "change the type of loans.genre to book_genre");
        SQLException e = assertThrows(SQLException.class, () -> Fixture.exec(db, m.upSql()));
        assertTrue(e.getMessage().contains("\"poetry\""), e.getMessage());
        assertEquals("text", Fixture.query(db, "select pg_typeof(genre)::text from public.loans limit 1"));
    }
}
