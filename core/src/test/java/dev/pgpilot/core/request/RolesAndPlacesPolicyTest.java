package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.AsRole.A;
import static dev.pgpilot.core.request.AsRole.ANON;
import static dev.pgpilot.core.request.AsRole.B;
import static dev.pgpilot.core.request.AsRole.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.target.DatabaseTarget;
import org.junit.jupiter.api.Test;

/**
 * Policies on a schema shaped unlike the eval's, run as real roles: a role said by its value in a staff
 * table's role column ("only managers can delete sales", "managers of a store can update its shifts"), the
 * owners of the table the subject names ("company owners can read their bills"), a public read for people
 * who are not signed in, a user column named for its verb ("the items they sell": seller_id -> profiles),
 * and storage folders named after a row the user reaches ("their store's folder"), never their own id.
 */
class RolesAndPlacesPolicyTest {
    /** A manages store 1, C is a clerk there, B manages store 2; A owns company 1, B company 2; A sells item 1, B item 2. */
    static final String APP = """
            create table public.stores (id bigint primary key, name text);
            create table public.staff (id bigint primary key, store_id bigint not null references public.stores(id), user_id uuid not null references auth.users(id),
              role text not null check (role in ('manager', 'clerk')));
            alter table public.staff enable row level security;
            create table public.sales (id bigint primary key, store_id bigint not null references public.stores(id), total int);
            create table public.shifts (id bigint primary key, store_id bigint not null references public.stores(id), note text);
            create table public.companies (id bigint primary key, owner_id uuid not null references auth.users(id));
            create table public.bills (id bigint primary key, company_id bigint not null references public.companies(id), amount int);
            create table public.profiles (id uuid primary key references auth.users(id) on delete cascade, display_name text);
            create table public.items (id bigint primary key, seller_id uuid not null references public.profiles(id), price int);
            create table public.events (id bigint primary key, title text, is_public boolean not null default false);
            insert into public.stores values (1, 's1'), (2, 's2');
            insert into public.staff values (1, 1, '00000000-0000-0000-0000-00000000000a', 'manager'), (2, 1, '00000000-0000-0000-0000-00000000000c', 'clerk'),
              (3, 2, '00000000-0000-0000-0000-00000000000b', 'manager');
            insert into public.sales values (1, 1, 10), (2, 1, 20), (3, 2, 30);
            insert into public.shifts values (1, 1, 'a'), (2, 2, 'b');
            insert into public.companies values (1, '00000000-0000-0000-0000-00000000000a'), (2, '00000000-0000-0000-0000-00000000000b');
            insert into public.bills values (1, 1, 5), (2, 2, 6), (3, 2, 7);
            insert into public.profiles values ('00000000-0000-0000-0000-00000000000a', 'a'), ('00000000-0000-0000-0000-00000000000b', 'b');
            insert into public.items values (1, '00000000-0000-0000-0000-00000000000a', 1), (2, '00000000-0000-0000-0000-00000000000b', 2);
            insert into public.events values (1, 'open', true), (2, 'closed', false);
            insert into storage.buckets (id, name) values ('store-docs', 'store-docs');
            insert into storage.objects (bucket_id, name) values ('store-docs', '1/plan.pdf'), ('store-docs', '2/plan.pdf'),
              ('store-docs', '00000000-0000-0000-0000-00000000000c/mine.pdf');
            """;

    @Test
    void onlyTheManagersOfASalesStoreDeleteItEvenWhereAnotherPolicyLetsEveryoneDelete() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP + """
                alter table public.sales enable row level security;
                create policy "anyone deletes" on public.sales for delete to authenticated using (true);
                """);
        MigrationSql m = RoundTripTest.applied(db, "only managers can delete sales");
        assertTrue(m.upSql().contains("as restrictive for delete"), m.upSql());
        assertEquals(0, AsRole.rows(db, C, "delete from sales"), "a clerk of store 1 may not, the older policy notwithstanding");
        assertEquals(0, AsRole.rows(db, ANON, "delete from sales"));
        assertEquals(1, AsRole.rows(db, B, "delete from sales"), "B manages store 2 only");
        assertEquals(2, AsRole.rows(db, A, "delete from sales"));
        assertEquals("0", Fixture.query(db, "select count(*) from sales"));
    }

    @Test
    void managersOfAStoreUpdateItsShiftsAndCannotMoveOneToAnotherStore() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "managers of a store can update its shifts");
        assertEquals(1, AsRole.rows(db, A, "update shifts set note = 'x'"), "shift 1 of store 1");
        assertEquals(0, AsRole.rows(db, C, "update shifts set note = 'y'"), "a clerk");
        assertTrue(AsRole.refused(db, A, "update shifts set store_id = 2"), "A does not manage store 2 (no select policy: no where clause)");
        assertEquals("x,b", Fixture.query(db, "select string_agg(note, ',' order by id) from shifts"));
    }

    @Test
    void nobodyMakesThemselvesAManager() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        for (String r : new String[] {"managers can add staff to their store", "managers can update staff", "users can insert themselves into staff"}) {
            PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, r), r);
            assertEquals(PilotException.REFUSED, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("staff"), e.getMessage());
        }
    }

    @Test
    void aRoleTwoTablesCanHoldIsAskedAboutNotPicked() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP + """
                create table public.store_admins (id bigint primary key, store_id bigint not null references public.stores(id),
                  user_id uuid not null references auth.users(id), role text not null check (role in ('manager', 'auditor')));
                """);
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "managers can read sales"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("staff.role") && e.getMessage().contains("store_admins.role"), e.getMessage());
    }

    @Test
    void companyOwnersReadTheBillsOfTheirCompanies() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "company owners can read their bills");
        assertEquals(1, AsRole.rows(db, A, "select * from bills"));
        assertEquals(2, AsRole.rows(db, B, "select * from bills"));
        assertEquals(0, AsRole.rows(db, C, "select * from bills"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from bills"));
    }

    @Test
    void peopleWhoAreNotSignedInReadThePublicEventsOnly() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "anyone, even when logged out, can read events where is_public is true");
        assertEquals(1, AsRole.rows(db, ANON, "select * from events"));
        assertEquals(1, AsRole.rows(db, B, "select * from events"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from events where id = 2"));
        assertTrue(AsRole.refused(db, ANON, "insert into events values (3, 'x', true)"));
    }

    @Test
    void theItemsTheySellAreTheirsBySellerIdThroughProfiles() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "users can update items they sell");
        assertEquals(1, AsRole.rows(db, A, "update items set price = 9"));
        assertEquals(0, AsRole.rows(db, C, "update items set price = 8"));
        assertTrue(AsRole.refused(db, A, "update items set seller_id = '" + B + "'"), "A cannot hand the item to B");
        assertEquals("9,2", Fixture.query(db, "select string_agg(price::text, ',' order by id) from items"));
    }

    @Test
    void readingEverythingNamesNoTableAndIsRefused() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "staff can read everything in their store"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("everything"), e.getMessage());
    }

    @Test
    void staffReadTheFolderOfTheirStoreNotTheFolderNamedForThemselves() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        MigrationSql m = RoundTripTest.applied(db, "staff can read files in their store's folder in the store-docs bucket");
        assertFalse(m.upSql().contains("= (select auth.uid())::text"), m.upSql());
        assertEquals(1, AsRole.rows(db, C, "select * from storage.objects where bucket_id = 'store-docs'"), "store 1's folder, not C's own");
        assertEquals(1, AsRole.rows(db, B, "select name from storage.objects"), "store 2's");
        assertEquals(0, AsRole.rows(db, ANON, "select * from storage.objects"));
        assertTrue(AsRole.refused(db, C, "insert into storage.objects (bucket_id, name) values ('store-docs', '1/new.pdf')"), "read only");
    }

    @Test
    void managersDeleteInTheirStoresFolderOnlyAndTheBucketCanBeNamedFirst() throws Exception {
        DatabaseTarget db = Fixture.freshWith(APP);
        RoundTripTest.applied(db, "store-docs: managers can delete files in their store's folder");
        assertEquals(0, AsRole.rowsThroughStorageApi(db, C, "delete from storage.objects"), "a clerk");
        assertEquals(1, AsRole.rowsThroughStorageApi(db, B, "delete from storage.objects"), "store 2's file");
        assertEquals("2", Fixture.query(db, "select count(*) from storage.objects where name in ('1/plan.pdf', '" + C + "/mine.pdf')"));
        assertEquals("2", Fixture.query(db, "select count(*) from storage.objects"));
    }
}
