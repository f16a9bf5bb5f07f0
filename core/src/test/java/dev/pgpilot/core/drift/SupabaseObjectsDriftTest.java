package dev.pgpilot.core.drift;

import dev.pgpilot.core.catalog.DbObject.Kind;
import dev.pgpilot.core.catalog.CatalogSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgpilot.core.catalog.MigrationReplay;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.local.Postgres15;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drift in what a project adds to Supabase's own objects (policies on storage.objects, triggers on
 * auth.users, extensions, tables on the supabase_realtime publication), on a PostgreSQL 17 target
 * (the embedded server) and a PostgreSQL 15 one (Debian's), and across the two versions.
 */
class SupabaseObjectsDriftTest {
    enum Server {
        PG17(TestDatabase::fresh, 17), PG15(Postgres15::fresh, 15);

        final Supplier<DatabaseTarget> fresh;
        final int major;

        Server(Supplier<DatabaseTarget> fresh, int major) {
            this.fresh = fresh;
            this.major = major;
        }
    }

    static List<MigrationFile> migrations;

    @BeforeAll
    static void load() throws IOException {
        Path dir = DriftFixture.project();
        try (InputStream in = SupabaseObjectsDriftTest.class.getResourceAsStream("/drift-supabase/20240104000000_supabase_objects.sql")) {
            Files.write(dir.resolve("supabase/migrations/20240104000000_supabase_objects.sql"), in.readAllBytes());
        }
        migrations = Workspace.open(dir).migrations();
    }

    static DatabaseTarget builtFromMigrations(Server server) {
        if (server == Server.PG15) {
            assumeTrue(Postgres15.available(), "needs Debian's postgresql-15 (.ci/run installs it)");
        }
        DatabaseTarget db = server.fresh.get();
        MigrationReplay.commit(db, migrations, null);
        return db;
    }

    static Drift.Result drift(DatabaseTarget db) {
        return Drift.checkPreferringTargetServer(migrations, null, TestDatabase::server, db);
    }

    static Stream<Arguments> handChanges() {
        List<Object[]> changes = List.of(
                new Object[] {"create policy \"anon reads avatars\" on storage.objects for select to anon using (bucket_id = 'avatars')",
                        DriftTest.Side.ONLY_IN_DATABASE, "policy storage.objects.\"anon reads avatars\"", null},
                new Object[] {"drop policy \"readers see public files\" on storage.objects",
                        DriftTest.Side.ONLY_IN_MIGRATIONS, "policy storage.objects.\"readers see public files\"", null},
                new Object[] {"alter policy \"readers see public files\" on storage.objects to anon, authenticated",
                        DriftTest.Side.DIFFERENT, "policy storage.objects.\"readers see public files\"", "roles"},
                new Object[] {"create trigger on_auth_user_updated after update on auth.users for each row execute function public.handle_new_user()",
                        DriftTest.Side.ONLY_IN_DATABASE, "trigger auth.users.on_auth_user_updated", null},
                new Object[] {"drop trigger on_auth_user_created on auth.users",
                        DriftTest.Side.ONLY_IN_MIGRATIONS, "trigger auth.users.on_auth_user_created", null},
                new Object[] {"create extension hstore with schema extensions", DriftTest.Side.ONLY_IN_DATABASE, "extension hstore", null},
                new Object[] {"drop extension pg_trgm", DriftTest.Side.ONLY_IN_MIGRATIONS, "extension pg_trgm", null},
                new Object[] {"create table public.chat (id int primary key); alter publication supabase_realtime add table public.chat",
                        DriftTest.Side.DIFFERENT, "publication supabase_realtime", "tables"},
                new Object[] {"alter publication supabase_realtime drop table public.notes",
                        DriftTest.Side.DIFFERENT, "publication supabase_realtime", "tables"});
        return Stream.of(Server.values()).flatMap(server -> changes.stream().map(c -> Arguments.of(server, c[0], c[1], c[2], c[3])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("handChanges")
    void handChangeToASupabaseObjectIsReported(Server server, String sql, DriftTest.Side side, String key, String attribute) {
        DatabaseTarget db = builtFromMigrations(server);
        DriftTest.run(db, sql);
        Drift.Result r = drift(db);
        String text = r.toText();
        SchemaDiff d = r.diff();
        DriftTest.assertReported(d, side, key, attribute, text);
        long others = d.size() - Stream.concat(d.onlyInDatabase().stream(), d.onlyInMigrations().stream())
                .filter(o -> o.name().startsWith("public.chat") || o.name().startsWith("table public.chat ")).count();
        assertEquals(1, others, "only the hand change (the chat table's own objects aside): " + text);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void databaseBuiltFromTheMigrationsHasNoDriftWithTheShadowOnItsOwnServer(Server server) {
        DatabaseTarget db = builtFromMigrations(server);
        Drift.Result r = drift(db);
        assertTrue(r.diff().isEmpty(), r.toText());
        assertEquals(new ShadowLocation(ShadowLocation.Host.TARGET_SERVER, server.major, server.major, null), r.shadow());
        assertEquals("a scratch database on the target's server (PostgreSQL " + server.major + ")", r.shadow().toText());
        for (Kind k : List.of(Kind.EXTENSION, Kind.PUBLICATION, Kind.POLICY, Kind.TRIGGER)) {
            assertTrue(r.migrations().all().stream().anyMatch(o -> o.kind() == k && !o.name().startsWith("public.")
                    || k == Kind.EXTENSION && o.kind() == k), "compares Supabase's " + k + ": " + r.migrations().objects().keySet());
        }
        assertEquals(0, count(db, "select count(*) from pg_database where datname like 'pgpilot_shadow_%'"), "the scratch database is dropped");
    }

    static Stream<Server> servers() {
        return Stream.of(Server.values());
    }

    /** PG17's GRANT ALL and owner defaults include MAINTAIN; PG15 has no such privilege, so it is no drift. */
    @Test
    void pg15TargetAgainstAnEmbeddedPg17ShadowShowsNoPrivilegeDrift() {
        DatabaseTarget db = builtFromMigrations(Server.PG15);
        Drift.Result r = Drift.check(migrations, null, TestDatabase.server(), db);
        assertEquals(17, r.migrations().majorVersion());
        assertEquals(15, r.database().majorVersion());
        assertTrue(r.migrations().all().stream().anyMatch(o -> o.kind() == Kind.GRANT && o.attr("privileges").contains("MAINTAIN")),
                "the PG17 shadow's grants carry MAINTAIN: " + r.migrations().objects().keySet());
        assertTrue(r.diff().isEmpty(), r.toText());
    }

    @Test
    void realPrivilegeDriftIsStillReportedAcrossVersions() {
        DatabaseTarget db = builtFromMigrations(Server.PG15);
        DriftTest.run(db, "revoke delete on public.notes from authenticated");
        SchemaDiff d = Drift.check(migrations, null, TestDatabase.server(), db).diff();
        assertEquals(1, d.size(), d.toText());
        SchemaDiff.Changed c = d.different().get(0);
        assertEquals("grant table public.notes to authenticated", c.actual().key());
        assertFalse(c.changes().get(0).expected().contains("MAINTAIN"), d.toText());
    }

    @Test
    void writtenMigrationAddsTheExtensionAndEditsThePublication() {
        DatabaseTarget db = builtFromMigrations(Server.PG17);
        DriftTest.run(db, "create extension hstore with schema extensions; alter publication supabase_realtime drop table public.notes");
        DriftMigration m = DriftMigration.from(drift(db).diff());
        assertEquals("""
                -- extensions
                create extension if not exists hstore with schema extensions;

                -- publications
                alter publication supabase_realtime drop table public.notes;

                """, m.sql());
        assertTrue(m.notExpressed().isEmpty(), m.notExpressed().toString());
        DatabaseTarget rebuilt = builtFromMigrations(Server.PG17);
        DriftTest.run(rebuilt, m.sql());
        SchemaDiff after = SchemaDiff.compare(CatalogSnapshot.read(rebuilt), CatalogSnapshot.read(db));
        assertTrue(after.isEmpty(), after.toText());
    }

    @Test
    void realViewDriftIsStillReportedAcrossVersions() {
        DatabaseTarget db = builtFromMigrations(Server.PG15);
        DriftTest.run(db, "create or replace view public.note_titles with (security_invoker = true) as select id, title, body from public.notes");
        SchemaDiff d = Drift.check(migrations, null, TestDatabase.server(), db).diff();
        assertEquals(1, d.size(), d.toText());
        assertEquals("view public.note_titles", d.different().get(0).actual().key());
        assertEquals(List.of("definition"), d.different().get(0).changes().stream().map(SchemaDiff.AttributeChange::attribute).toList());
    }

    @Test
    void aTargetRoleThatCannotCreateDatabasesGetsItsShadowOnTheEmbeddedServer() {
        DatabaseTarget db = builtFromMigrations(Server.PG15);
        DriftTest.run(db.withUser(dev.pgpilot.core.local.SupabaseBase.ADMIN_ROLE), "do $$ begin if not exists (select from pg_roles where rolname = 'reader') then create role reader login; end if; end $$");
        Drift.Result r = drift(db.withUser("reader"));
        assertTrue(r.shadow().toText().startsWith("the embedded PostgreSQL 17 (cannot create a database on the target's server"), r.shadow().toText());
        assertTrue(r.shadow().toText().endsWith("the target runs PostgreSQL 15, privileges and view definitions are compared on what both know"), r.shadow().toText());
        assertTrue(r.diff().isEmpty(), r.toText());
        com.fasterxml.jackson.databind.JsonNode shadow = json(r.toJson()).get("shadow");
        assertEquals("embedded", shadow.get("host").asText(), r.toJson());
        assertEquals(17, shadow.get("shadow_postgres_major").asInt());
        assertEquals(15, shadow.get("target_postgres_major").asInt());
        assertTrue(shadow.get("version_aware").asBoolean());
        assertTrue(shadow.get("why_not_target_server").asText().startsWith("cannot create a database on the target's server"), r.toJson());
        assertEquals(r.shadow().toText(), shadow.get("description").asText());
    }

    @Test
    void migrationsThatCreateRolesAreNotReplayedOnTheTargetServer() throws IOException {
        DatabaseTarget db = builtFromMigrations(Server.PG15);
        Path dir = DriftFixture.project();
        Files.writeString(dir.resolve("supabase/migrations/20240105000000_role.sql"),
                "do $$ begin create role drift_probe_role nologin; exception when duplicate_object then null; end $$;\n");
        Drift.Result r = Drift.checkPreferringTargetServer(Workspace.open(dir).migrations(), null, TestDatabase::server, db);
        assertTrue(r.shadow().toText().contains("20240105000000_role.sql line 1 (do $$) changes the whole server, so it is not replayed there"), r.shadow().toText());
        assertEquals(0, count(db, "select count(*) from pg_roles where rolname = 'drift_probe_role'"), "no role was made on the target's server");
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int count(DatabaseTarget db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
