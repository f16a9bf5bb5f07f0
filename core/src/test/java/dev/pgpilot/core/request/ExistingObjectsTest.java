package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Asking for what is already there: the same definition is "already there, nothing to do" (exit
 * 0, nothing to apply); another definition under the name is refused, saying what differs; and
 * when only part of a request exists, the migration's down script leaves the earlier part intact.
 */
class ExistingObjectsTest {

    /** "sql:..." runs as is; anything else is a request planned and applied first, so PostgreSQL's own spelling of the object is what gets compared. */
    private static DatabaseTarget after(String setup) throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Fixture.exec(db, "create table public.admins (user_id uuid primary key references auth.users(id))");
        Fixture.exec(db, "insert into storage.buckets (id, name) values ('avatars', 'avatars')");
        if (setup.startsWith("sql:")) Fixture.exec(db, setup.substring(4));
        else if (!setup.isBlank()) RoundTripTest.apply(db, setup);
        return db;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        sql:select 1 | add email text to customers
        sql:select 1 | add customers.email text
        sql:select 1 | add 'paid' to order_status
        sql:select 1 | enable rls on posts
        sql:select 1 | index orders on customer_id
        sql:alter table products add constraint products_sku_key unique (sku) | index products on sku
        sql:alter table products add constraint products_sku_key unique (sku) | products sku must be unique
        customers email must be unique                            | no duplicate emails in customers
        link comments to posts                                    | link comments to posts
        sql:alter table public.comments add constraint comments_post_fk foreign key (post_id) references public.posts(id) | link comments to posts
        orders total must be positive                             | orders total must be positive
        create type mood as enum with happy and sad               | create type mood as enum with happy and sad
        set the default of customers.email to 'none@example.com'  | set the default of customers.email to 'none@example.com'
        describe organizations as 'Tenants'                       | describe organizations as 'Tenants'
        keep products updated_at current                          | keep products updated_at current
        users can read their own comments                         | users can read their own comments
        users can manage their own comments                       | users can update their own comments
        anyone can see posts where published is true              | anyone can see posts where published is true
        organization members can read their organization's customers | members can read customers of their organization
        admins can manage labels                                  | admins can manage labels
        only admins can delete orders                             | only admins can delete orders
        users can upload to their own folder in the avatars bucket | users can upload to their own folder in the avatars bucket
        sql:select 1                                              | create a private bucket avatars
        """)
    void theSameDefinitionIsAlreadyThereWithNothingToDo(String setup, String request) throws Exception {
        DatabaseTarget db = after(setup);
        List<String> before = Fixture.snapshot(db);
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, request));
        assertEquals(PilotException.NOTHING_TO_DO, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().startsWith("already there, nothing to do: "), e.getMessage());
        assertEquals(before, Fixture.snapshot(db));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        sql:select 1                                              | add email integer to customers | column email already exists in public.customers with another definition: type text, not integer
        sql:create policy comments_select_own on public.comments for select to authenticated using (true) | users can read their own comments | policy comments_select_own already exists on public.comments with another definition: using (true), not ((select auth.uid()) = "user_id")
        sql:alter table public.comments add constraint comments_post_id_fkey check (post_id is not null) | link comments to posts | constraint comments_post_id_fkey already exists on public.comments with another definition: CHECK ((post_id IS NOT NULL))
        sql:create index idx_orders_status on public.orders (total) | index orders on status | index idx_orders_status already exists with another definition: CREATE INDEX idx_orders_status ON public.orders USING btree (total)
        sql:select 1                                              | create an enum order_status with a and b | type order_status already exists with the values pending, paid, shipped, not a, b
        sql:select 1                                              | create a public bucket avatars limited to 2 MB | bucket avatars already exists with another definition: it is private, not public; its size limit is none, not 2097152 bytes
        sql:create function public.noop() returns trigger language plpgsql as 'begin return new; end'; create trigger set_labels_updated_at before insert on public.labels for each row execute function public.noop() | add timestamps to labels | trigger set_labels_updated_at already exists on public.labels and does something else: CREATE TRIGGER set_labels_updated_at BEFORE INSERT ON public.labels FOR EACH ROW EXECUTE FUNCTION noop()
        """)
    void anotherDefinitionUnderTheNameIsRefusedSayingWhatDiffers(String setup, String request, String message) throws Exception {
        DatabaseTarget db = after(setup);
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        sql:create index idx_comments_post_id on public.comments (post_id)  | link comments to posts
        users can read their own comments                                    | users can manage their own comments
        users can read their own comments                                    | users can read and update their own comments
        sql:alter table public.orders add column notes text                 | add notes text and gift_wrap boolean to orders
        sql:select 1 | add sku text and barcode text to products
        """)
    void whenPartOfTheRequestExistsTheDownLeavesTheEarlierPartIntact(String setup, String request) throws Exception {
        DatabaseTarget db = after(setup);
        List<String> before = Fixture.snapshot(db);
        List<MigrationSql> all;
        try {
            all = RoundTripTest.planAll(db, request);
        } catch (PilotException e) {
            // a phrasing the parser does not take is no test of this: fail loudly rather than pass
            throw new AssertionError(request + ": " + e.getMessage(), e);
        }
        assertTrue(all.get(0).upSql().contains("-- Already there, left out: "), all.get(0).upSql());
        for (MigrationSql m : all) {
            Fixture.run(db, m.upSql());
            Fixture.run(db, m.upSql());
        }
        for (int i = all.size() - 1; i >= 0; i--) Fixture.run(db, all.get(i).downSql());
        assertEquals(before, Fixture.snapshot(db), all.toString());
    }
}
