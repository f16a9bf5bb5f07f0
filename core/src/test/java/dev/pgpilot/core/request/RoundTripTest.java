package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.lint.run.Linter;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.render.MigrationRenderer;
import dev.pgpilot.core.workspace.Config;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every kind of change: generate from a request phrased differently from the eval, apply to a
 * real database twice (idempotent), check the effect, run the down script, and get the original
 * catalog back.
 */
class RoundTripTest {

    /** The migrations of a request, in the order they run. */
    static List<MigrationSql> planAll(DatabaseTarget db, String request) {
        return new MigrationRenderer().render(new RequestParser(Fixture.catalog(db)).parse(request), Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Plans a request and runs its migrations as pgpilot would, in order. */
    static void apply(DatabaseTarget db, String request) throws Exception {
        for (MigrationSql m : planAll(db, request)) Fixture.run(db, m.upSql());
    }

    /** The one migration of a request that plans a single file (fails the test when it plans two). */
    static MigrationSql plan(DatabaseTarget db, String request) {
        List<MigrationSql> all = planAll(db, request);
        assertEquals(1, all.size(), "one migration expected for: " + request + "\n" + all);
        return all.get(0);
    }

    /** The one migration of a request, planned and run: what a policy test then exercises as real roles. */
    static MigrationSql applied(DatabaseTarget db, String request) throws Exception {
        MigrationSql m = plan(db, request);
        Fixture.exec(db, m.upSql());
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        orders need a tracking number                                  | select evalx.coltype('orders','tracking_number') = 'text'
        orders should have a gift_message text                         | select evalx.coltype('orders','gift_message') = 'text'
        add column notes (text) to orders                              | select evalx.coltype('orders','notes') = 'text'
        add a column nickname text to the customers table              | select evalx.coltype('customers','nickname') = 'text'
        add labels.color varchar(7)                                    | select evalx.coltype('labels','color') = 'character varying(7)'
        customers need a unique external_code                          | select evalx.indexdefs('customers') ~ 'UNIQUE INDEX .*\\(external_code\\)'
        no duplicate emails in customers                               | select evalx.indexdefs('customers') ~ 'UNIQUE INDEX .*\\(email\\)'
        create table post_readers linking posts and users              | select evalx.condefs('post_readers') ~ 'FOREIGN KEY \\(user_id\\) REFERENCES auth.users\\(id\\)'
        add sku_code text unique to products                           | select evalx.condefs('products') ~ 'UNIQUE \\(sku_code\\)'
        add carrier text and weight numeric not null default 0 to orders | select evalx.coltype('orders','carrier') = 'text' and evalx.notnull('orders','weight')
        add tags array of text to posts                                | select evalx.coltype('posts','tags') = 'text[]'
        add reviewer_id references auth.users to posts                 | select evalx.condefs('posts') ~ 'FOREIGN KEY \\(reviewer_id\\) REFERENCES auth.users' and evalx.indexdefs('posts') ~ '\\(reviewer_id\\)'
        drop products.old_code                                         | select evalx.coltype('products','old_code') is null
        delete the full_name column from customers                     | select evalx.coltype('customers','full_name') is null
        rename column email on customers to contact_email              | select evalx.coltype('customers','contact_email') = 'text'
        change the type of orders.total to numeric(14,2)               | select evalx.coltype('orders','total') = 'numeric(14,2)'
        set the default of customers.email to 'none@example.com'       | select evalx.coldefault('customers','email') = '''none@example.com''::text'
        drop the default on orders status                              | select evalx.coldefault('orders','status') is null
        make customers email required                                  | select evalx.notnull('customers','email')
        make organizations name optional                               | select not evalx.notnull('organizations','name')
        orders total must be positive                                  | select evalx.condefs('orders') ~ 'CHECK \\(\\(total > '
        products name must be at most 200 characters                   | select evalx.condefs('products') ~ 'char_length\\(name\\) <= 200'
        products price should be between 1 and 1000                    | select evalx.condefs('products') ~ 'price >= '
        customers email must be unique                                 | select evalx.indexdefs('customers') ~ 'UNIQUE INDEX .*\\(email\\)'
        link comments to posts                                         | select evalx.condefs('comments') ~ 'FOREIGN KEY \\(post_id\\) REFERENCES posts\\(id\\)' and evalx.indexdefs('comments') ~ 'btree \\(post_id\\)'
        create table shipments for orders with carrier text            | select evalx.condefs('shipments') ~ 'FOREIGN KEY \\(order_id\\) REFERENCES orders\\(id\\)' and evalx.indexdefs('shipments') ~ 'btree \\(order_id\\)' and evalx.rls('shipments')
        create table notes with user_id, body text not null and pinned flag | select evalx.coltype('notes','pinned') = 'boolean' and evalx.rls('notes') and (select count(*) = 4 from pg_policies where tablename = 'notes')
        create a junction table post_labels between posts and labels   | select evalx.condefs('post_labels') ~ 'PRIMARY KEY \\(post_id, label_id\\)'
        rename table labels to tags                                    | select to_regclass('public.tags') is not null and to_regclass('public.labels') is null
        drop table temp_exports                                        | select to_regclass('public.temp_exports') is null
        speed up lookups of customers by email                         | select evalx.indexdefs('customers') ~ 'btree \\(email\\)'
        index orders on customer_id and status                         | select evalx.indexdefs('orders') ~ 'btree \\(customer_id, status\\)'
        index posts on title where published is true                   | select evalx.indexdefs('posts') ~ '\\(title\\) WHERE \\(published = true\\)'
        index published posts by created_at                            | select evalx.indexdefs('posts') ~ 'btree \\(created_at\\) WHERE \\(published = true\\)' and evalx.indexdefs('posts') !~ '\\(published, created_at\\)'
        add a full text search index on posts title and body           | select evalx.indexdefs('posts') ~ 'gin \\(to_tsvector'
        drop index idx_orders_customer_id                              | select to_regclass('public.idx_orders_customer_id') is null
        create type mood as enum with happy, sad and ok                | select evalx.labels('mood') = array['happy','sad','ok']
        enable row level security on orders                            | select evalx.rls('orders')
        users can update their own comments                            | select exists (select 1 from pg_policies where tablename = 'comments' and cmd = 'UPDATE')
        users can read their own comments                              | select evalx.rls('comments') and exists (select 1 from pg_policies where tablename = 'comments' and cmd = 'SELECT' and qual ~ 'user_id')
        users can create their own comments                            | select exists (select 1 from pg_policies where tablename = 'comments' and cmd = 'INSERT' and with_check ~ 'user_id')
        users can delete their own comments                            | select exists (select 1 from pg_policies where tablename = 'comments' and cmd = 'DELETE')
        anyone can see posts where published is true                   | select exists (select 1 from pg_policies where tablename = 'posts' and 'anon' = any(roles))
        members can delete customers of their organization             | select evalx.rls('customers') and exists (select 1 from pg_policies where tablename = 'customers' and cmd = 'DELETE')
        keep products updated_at current                               | select evalx.coltype('products','updated_at') = 'timestamp with time zone' and exists (select 1 from pg_trigger where tgname = 'set_products_updated_at')
        add timestamps to labels                                       | select evalx.coltype('labels','created_at') is not null and evalx.coltype('labels','updated_at') is not null
        comment on column orders.status: Where the order is            | select col_description('public.orders'::regclass, 3) = 'Where the order is'
        describe organizations as 'Tenants'                            | select obj_description('public.organizations'::regclass, 'pg_class') = 'Tenants'
        """)
    void appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(String request, String check) throws Exception {
        appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(Fixture.fresh(), request, check);
    }

    /** Plans, lints, applies every file twice, checks, runs the downs in reverse order and compares the catalog with the one before. */
    static void appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(DatabaseTarget db, String request, String check) throws Exception {
        List<String> before = Fixture.snapshot(db);
        List<MigrationSql> all = planAll(db, request);
        assertLintClean(all);
        for (MigrationSql m : all) {
            Fixture.run(db, m.upSql());
            Fixture.run(db, m.upSql());
        }
        String ups = String.join("\n", all.stream().map(MigrationSql::upSql).toList());
        assertEquals("t", Fixture.query(db, check), ups);
        for (int i = all.size() - 1; i >= 0; i--) Fixture.run(db, all.get(i).downSql());
        assertEquals(before, Fixture.snapshot(db), String.join("\n", all.stream().map(MigrationSql::downSql).toList()));
    }

    /**
     * A bucket migration creates the bucket once: run again (or where the bucket is already there) it
     * refuses, naming the bucket, because its down script deletes the bucket and must not delete one
     * it did not create. The down restores the catalog.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        create a public bucket avatars limited to 2 MB for images      | select public and file_size_limit = 2097152 and allowed_mime_types = array['image/*'] from storage.buckets where id = 'avatars'
        create a private bucket invoices for pdf and png files up to 10 MB | select not public and file_size_limit = 10485760 and allowed_mime_types = array['application/pdf','image/png'] from storage.buckets where id = 'invoices'
        """)
    void aBucketIsCreatedOnceAndTheDownDeletesOnlyThatBucket(String request, String check) throws Exception {
        DatabaseTarget db = Fixture.fresh();
        List<String> before = Fixture.snapshot(db);
        MigrationSql m = plan(db, request);
        assertLintClean(m);
        Fixture.run(db, m.upSql());
        assertEquals("t", Fixture.query(db, check), m.upSql());
        java.sql.SQLException again = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> Fixture.run(db, m.upSql()));
        assertTrue(again.getMessage().contains("already exists: this migration creates it, and its down script deletes it"), again.getMessage());
        assertEquals("t", Fixture.query(db, check), "the refused second run changed nothing");
        Fixture.run(db, m.downSql());
        assertEquals(before, Fixture.snapshot(db), m.downSql());
    }

    /** Kinds that need something the base schema lacks (an admin table): set up first, then the same round trip. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        admins can read orders  | create table public.admins (user_id uuid primary key references auth.users(id)) | select exists (select 1 from pg_policies where tablename = 'orders' and qual ~ 'admins')
        admins can manage labels | create table public.admins (user_id uuid primary key references auth.users(id)) | select (select count(*) from pg_policies where tablename = 'labels' and qual ~ 'admins') = 3 and evalx.rls('labels')
        """)
    void afterASetupTheRoundTripHoldsToo(String request, String setup, String check) throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Fixture.exec(db, setup);
        appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(db, request, check);
    }

    /**
     * Lint as {@code new} does: each file against the schema the earlier migrations (here the base
     * schema) and the plan's files before it describe. No error, and none of the warnings the
     * generator can always avoid (other warnings, such as dropping a column, are the request's).
     */
    static void assertLintClean(List<MigrationSql> all) {
        SchemaModel before = SchemaModel.empty();
        before.applyScript(Fixture.resource("/nl/base.sql"));
        for (MigrationSql m : all) {
            LintReport report = new Linter(Config.defaults()).lintSql("20260101000000_" + m.name() + ".sql", m.upSql(), before);
            assertFalse(report.hasErrors(), report.errors() + "\n" + m.upSql());
            assertTrue(report.findings().stream().noneMatch(f -> AVOIDABLE.contains(f.ruleId())), report.findings() + "\n" + m.upSql());
            before.applyScript(m.upSql());
        }
    }

    static void assertLintClean(MigrationSql m) {
        assertLintClean(List.of(m));
    }

    /** Warnings a generated migration never needs: the renderer knows which tables exist. */
    static final java.util.Set<String> AVOIDABLE = java.util.Set.of("require-lock-timeout", "require-concurrent-index-creation",
            "require-concurrent-index-deletion", "constraint-missing-not-valid", "duplicate-index", "ban-concurrent-index-creation-in-transaction");

    @org.junit.jupiter.api.Test
    void aMigrationThatLocksAnExistingTableSetsLockTimeoutFirstAndOneThatOnlyCreatesDoesNot() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        MigrationSql alter = new MigrationRenderer("2s").render(new RequestParser(Fixture.catalog(db)).parse("add notes text to orders"), Instant.EPOCH).get(0);
        for (String sql : List.of(alter.upSql(), alter.downSql())) {
            int set = sql.indexOf("set lock_timeout = '2s';");
            assertTrue(set > 0 && set < sql.indexOf("alter table"), sql);
        }
        MigrationSql created = plan(db, "create type mood as enum with happy and sad");
        assertFalse(created.upSql().contains("lock_timeout"), created.upSql());
        MigrationSql table = plan(db, "create table invoices with amount money");
        assertFalse(table.upSql().contains("lock_timeout"), table.upSql());
        assertTrue(table.downSql().contains("set lock_timeout"), "dropping the table again locks it while it is in use: " + table.downSql());
    }

    @org.junit.jupiter.api.Test
    void addingAnEnumValueAppliesAndItsDownSaysPostgresCannotRemoveIt() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        MigrationSql m = plan(db, "add the value cancelled to order_status");
        Fixture.exec(db, m.upSql());
        Fixture.exec(db, m.upSql());
        assertEquals("t", Fixture.query(db, "select 'cancelled' = any(evalx.labels('order_status'))"));
        assertTrue(m.downSql().contains("PostgreSQL cannot remove a value from an enum"), m.downSql());
        Fixture.exec(db, m.downSql());
    }
}
