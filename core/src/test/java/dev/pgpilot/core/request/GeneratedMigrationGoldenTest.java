package dev.pgpilot.core.request;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole generated migrations, up and down, as a person reads them: the policies' shapes (owner,
 * admins only, a role said by its value in a staff table (only managers), members, storage folders (the user's own, a
 * row's the user reaches), every row "published or not", a right recorded in the user's own
 * row through a SECURITY DEFINER function), a rights table, an FK whose index already exists; and
 * what must not block writes on a table in use: indexes built and dropped concurrently in a file of
 * their own, keys and checks added NOT VALID and validated in the next file; a bucket that refuses
 * to take over one that is already there (its down deletes it); how words were read that the SQL does not show (a
 * misspelt word corrected, a reason set aside).
 */
class GeneratedMigrationGoldenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        owner-table            | sql:select 1                                                                           | create table notes with user_id, body text not null and pinned flag
        admins-table           | sql:select 1                                                                           | create table admins with user_id references auth.users
        only-admins-delete     | users can delete their own comments                                                    | only admins can delete comments
        members-read           | sql:select 1                                                                           | organization members can read their organization's customers
        fellow-members         | sql:select 1                                                                           | members can see the other members of their organization
        storage-own-folder     | sql:insert into storage.buckets (id, name) values ('avatars', 'avatars')               | users can upload to their own folder in the avatars bucket
        role-only-delete       | sql:create table public.stores (id bigint primary key); create table public.staff (store_id bigint not null references public.stores(id), user_id uuid not null references auth.users(id), role text not null check (role in ('manager', 'clerk'))); create table public.sales (id bigint primary key, store_id bigint not null references public.stores(id)) | only managers can delete sales
        storage-place-folder   | sql:insert into storage.buckets (id, name) values ('store-docs', 'store-docs'); create table public.stores (id bigint primary key); create table public.staff (store_id bigint not null references public.stores(id), user_id uuid not null references auth.users(id)); alter table public.staff enable row level security | store-docs: staff can upload files to their store's folder
        public-conditional     | sql:select 1                                                                           | anyone can see posts where published is true
        every-row-either-way   | sql:select 1                                                                           | authors can read their own posts, published or not
        rights-column-only     | sql:create type public.app_role as enum ('member', 'admin'); create table public.profiles (id uuid primary key references auth.users(id), role public.app_role not null default 'member'); alter table public.profiles enable row level security | only users whose profiles.role is 'admin' can delete comments
        fk-index-already-there | sql:create index idx_comments_post_id on public.comments (post_id)                     | link comments to posts
        index-existing-table   | sql:select 1                                                                           | index orders on customer_id and status
        drop-index             | sql:select 1                                                                           | drop index idx_orders_customer_id
        foreign-key-indexes    | sql:select 1                                                                           | index every foreign key of memberships
        lower-expression-index | sql:select 1                                                                           | index customers on lower(email)
        search-btree-said      | sql:select 1                                                                           | speed up searching posts by title
        check-existing-table   | sql:select 1                                                                           | orders total must be positive
        key-on-new-column      | sql:select 1                                                                           | add reviewer_id references auth.users to posts
        bucket                 | sql:select 1                                                                           | create a public bucket avatars limited to 2 MB for images
        bucket-settings        | sql:insert into storage.buckets (id, name, public, file_size_limit) values ('avatars', 'avatars', true, 1048576) | avatars should be private and only accept jpeg and png images, up to 5 MB
        misspelt-word-said     | sql:select 1                                                                           | renmae orders.status to state
        reason-said            | sql:select 1                                                                           | add shipped_at timestamptz to orders, we ship from two warehouses now
        """)
    void theGeneratedMigrationAndItsDownReadAsPinned(String golden, String setup, String request) throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Fixture.exec(db, "create table public.admins (user_id uuid primary key references auth.users(id))");
        if (setup.startsWith("sql:")) Fixture.exec(db, setup.substring(4));
        else RoundTripTest.apply(db, setup);
        if (golden.equals("admins-table")) Fixture.exec(db, "drop table public.admins");
        StringBuilder out = new StringBuilder();
        for (MigrationSql m : RoundTripTest.planAll(db, request)) {
            if (out.length() > 0) out.append("\n-- ======== next migration ========\n");
            out.append(m.upSql()).append("\n-- ======== down ========\n").append(m.downSql());
        }
        Golden.assertMatches("migrations/" + golden + ".txt", out.toString());
    }
}
