package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.AsRole.A;
import static dev.pgpilot.core.request.AsRole.ANON;
import static dev.pgpilot.core.request.AsRole.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import org.junit.jupiter.api.Test;

/**
 * A new table's primary key as the request gives it: the Supabase profiles shape (its id is the
 * user's id, so the owner policies use id), or two columns together; nothing generated beside it.
 * Applied to a real database and exercised as real users.
 */
class NewTablePrimaryKeyTest {
    private static final String PROFILES = "create table profiles with id uuid primary key references auth.users on delete cascade, username text unique, avatar_url text";

    @Test
    void theProfilesShapeKeysTheTableByTheUsersIdAndOnlyTheUserWritesTheirRow() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        MigrationSql m = RoundTripTest.plan(db, PROFILES);
        RoundTripTest.assertLintClean(m);
        Fixture.exec(db, m.upSql());
        assertEquals("t", Fixture.query(db, "select pg_get_constraintdef(oid) = 'PRIMARY KEY (id)' from pg_constraint where conrelid = 'public.profiles'::regclass and contype = 'p'"));
        assertEquals("t", Fixture.query(db, "select confdeltype = 'c' and confrelid = 'auth.users'::regclass from pg_constraint where conrelid = 'public.profiles'::regclass and contype = 'f'"));
        assertEquals("id,username,avatar_url,created_at,updated_at", Fixture.query(db,
                "select string_agg(attname, ',' order by attnum) from pg_attribute where attrelid = 'public.profiles'::regclass and attnum > 0 and not attisdropped"));
        assertEquals(1, AsRole.rows(db, A, "insert into profiles (id, username) values ('" + A + "', 'ann')"));
        assertTrue(AsRole.refused(db, A, "insert into profiles (id, username) values ('" + B + "', 'not bob')"), "A cannot make B's profile");
        assertEquals(0, AsRole.rows(db, B, "update profiles set username = 'bob was here'"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from profiles"));
        assertEquals(1, AsRole.rows(db, A, "select * from profiles"));
        Golden.assertMatches("migrations/profiles-shape.txt", m.upSql() + "\n-- ======== down ========\n" + m.downSql());
    }

    @Test
    void primaryKeyOnBothKeysTheTableByItsTwoColumns() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        MigrationSql m = RoundTripTest.plan(db, "create table post_watchers (post_id references posts on delete cascade, user_id references auth.users on delete cascade), primary key on both");
        RoundTripTest.assertLintClean(m);
        Fixture.exec(db, m.upSql());
        assertEquals("t", Fixture.query(db, "select pg_get_constraintdef(oid) = 'PRIMARY KEY (post_id, user_id)' from pg_constraint where conrelid = 'public.post_watchers'::regclass and contype = 'p'"));
        assertEquals("f", Fixture.query(db, "select exists (select 1 from pg_attribute where attrelid = 'public.post_watchers'::regclass and attname = 'id')"));
    }

    @Test
    void twoPrimaryKeysAreRefused() {
        Catalog catalog = Fixture.catalog(Fixture.fresh());
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse(
                "create table pairs with alpha uuid primary key, beta uuid primary key"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("two primary keys"), e.getMessage());
    }
}
