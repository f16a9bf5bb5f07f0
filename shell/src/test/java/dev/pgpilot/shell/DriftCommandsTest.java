package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.local.LocalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** diff, reset, test-rls and gen through the real command line, against the real embedded PostgreSQL. */
class DriftCommandsTest {
    static Path dir;
    static DatabaseTarget db;
    static String url;

    static Cli.Run pgpilot(String... args) {
        return Cli.run(dir, args);
    }

    @BeforeAll
    static void project() throws Exception {
        dir = Files.createTempDirectory("pgpilot-shell-drift");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(m.resolve("20240101000000_notes.sql"), """
                create table public.notes (id bigint generated always as identity primary key, owner uuid not null, title text not null);
                alter table public.notes enable row level security;
                create policy notes_read on public.notes for select to authenticated using (owner = auth.uid());
                """);
        db = TestDatabase.fresh();
        url = TestDatabase.url(db);
        assertEquals(0, pgpilot("reset", "--yes").exit(), "builds the embedded database of the project");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(Files.readString(m.resolve("20240101000000_notes.sql")));
        }
    }

    @AfterAll
    static void stop() {
        new LocalDatabase(dir.resolve(".pgpilot/local"), true).stop();
    }

    @Test
    void diffExitsZeroWhenInLineAndOneWithTheHandChangeListed() throws Exception {
        Cli.Run clean = pgpilot("diff", "--db-url", url);
        assertEquals(0, clean.exit(), clean.err());
        assertTrue(clean.out().contains("no drift"), clean.out());
        DatabaseTarget other = TestDatabase.fresh();
        try (Connection c = other.connect(); Statement s = c.createStatement()) {
            s.execute(Files.readString(dir.resolve("supabase/migrations/20240101000000_notes.sql")));
            s.execute("alter policy notes_read on public.notes using (true)");
        }
        String otherUrl = TestDatabase.url(other);
        Cli.Run drift = pgpilot("diff", "--db-url", otherUrl, "--json");
        assertEquals(1, drift.exit(), drift.err());
        assertTrue(drift.out().contains("\"name\" : \"public.notes.notes_read\""), drift.out());
    }

    @Test
    void diffJsonSaysTheShadowLivedOnTheTargetsServer() throws Exception {
        Cli.Run r = pgpilot("diff", "--db-url", url, "--json");
        assertEquals(0, r.exit(), r.err());
        com.fasterxml.jackson.databind.JsonNode shadow = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("shadow");
        assertEquals("target_server", shadow.get("host").asText(), r.out());
        assertEquals(shadow.get("target_postgres_major").asInt(), shadow.get("shadow_postgres_major").asInt(), r.out());
        assertEquals(false, shadow.get("version_aware").asBoolean(), r.out());
        assertTrue(shadow.get("why_not_target_server").isNull(), r.out());
        assertTrue(shadow.get("description").asText().startsWith("a scratch database on the target's server (PostgreSQL "), r.out());
    }

    @Test
    void diffWriteWritesWhatItCanAndNamesWhatItCannot() throws Exception {
        DatabaseTarget other = TestDatabase.fresh();
        try (Connection c = other.connect(); Statement s = c.createStatement()) {
            s.execute(Files.readString(dir.resolve("supabase/migrations/20240101000000_notes.sql")));
            s.execute("alter table public.notes add column pinned boolean not null default false; create table public.scratch (id int)");
        }
        Path migrations = dir.resolve("supabase/migrations");
        try {
            Cli.Run r = pgpilot("diff", "--write", "sync_hand_changes", "--db-url", TestDatabase.url(other));
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("not written (do it by hand): only in database: table public.scratch"), r.out());
            Path written;
            try (var files = Files.list(migrations)) {
                written = files.filter(f -> f.toString().endsWith("_sync_hand_changes.sql")).findFirst().orElseThrow();
            }
            assertTrue(r.out().contains("wrote " + written), r.out());
            String sql = Files.readString(written);
            assertTrue(sql.contains("alter table public.notes add column if not exists pinned boolean default false not null;"), sql);
            assertTrue(!sql.contains("scratch"), sql);
        } finally {
            // the migration and its down script (in down/)
            try (var files = Files.walk(migrations)) {
                for (Path f : files.filter(f -> f.toString().contains("_sync_hand_changes")).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    void resetRefusesADatabaseThatIsNotTheEmbeddedOne() {
        Cli.Run r = pgpilot("reset", "--yes", "--db-url", url);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("not the embedded database"), r.err());
    }

    @Test
    void testRlsReportsEachStepAndExitsOneOnFailure() throws Exception {
        Path rls = Files.createDirectories(dir.resolve("supabase/tests/rls"));
        Files.writeString(rls.resolve("notes.yaml"), """
                name: notes
                setup: insert into public.notes (owner, title) values ('11111111-1111-1111-1111-111111111111', 'a')
                steps:
                  - name: owner sees it
                    as: {role: authenticated, user: 11111111-1111-1111-1111-111111111111}
                    sql: select * from public.notes
                    expect: {rows: 1}
                  - name: stranger sees it (wrong on purpose)
                    as: {role: authenticated, user: 22222222-2222-2222-2222-222222222222}
                    sql: select * from public.notes
                    expect: {rows: 1}
                """);
        Cli.Run r = pgpilot("test-rls", "--db-url", url);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("  ok   owner sees it"), r.out());
        assertTrue(r.out().contains("  FAIL stranger sees it (wrong on purpose): expected 1 row(s), got 0"), r.out());
        assertTrue(r.out().contains("1 passed, 1 failed"), r.out());
    }

    @Test
    void genTypesCoversPublicAndTheApiSchemasOfConfigTomlAsTheSupabaseCliDoes() throws Exception {
        Path project = Files.createTempDirectory("pgpilot-shell-gen");
        Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(project.resolve("supabase/config.toml"), "[api]\nschemas = [\"api\"]\n");
        DatabaseTarget own = TestDatabase.fresh();
        try (Connection c = own.connect(); Statement s = c.createStatement()) {
            s.execute("create schema api; create schema internal; create table api.items (id int); create table internal.secrets (id int);"
                    + " create table public.notes (id int)");
        }
        Cli.Run r = Cli.run(project, "gen", "types", "typescript", "--db-url", TestDatabase.url(own));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  api: {") && r.out().contains("  public: {"), r.out());
        assertTrue(!r.out().contains("internal") && !r.out().contains("secrets"), "a schema the API does not expose has no types: " + r.out());
    }

    @Test
    void genTypesPrintsTheDatabaseTypeAndRefusesOtherLanguages() {
        Cli.Run r = pgpilot("gen", "types", "typescript", "--db-url", url);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("export type Database = {"), r.out());
        assertTrue(r.out().contains("      notes: {"), r.out());
        Cli.Run bad = pgpilot("gen", "types", "python", "--db-url", url);
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("cannot generate 'types python'"), bad.err());
    }

    @Test
    void genTypesSchemaOptionGeneratesOnlyTheNamedSchemasAndRefusesAnUnknownOne() {
        Cli.Run all = pgpilot("gen", "types", "typescript", "--db-url", url);
        assertTrue(all.out().contains("  graphql_public: {"), "graphql_public is generated by default:\n" + all.out());
        Cli.Run only = pgpilot("gen", "types", "typescript", "--schema", "public", "--db-url", url);
        assertEquals(0, only.exit(), only.err());
        assertTrue(only.out().contains("  public: {") && !only.out().contains("  graphql_public: {"), only.out());
        Cli.Run typo = pgpilot("gen", "types", "typescript", "--schema", "public,pubic", "--db-url", url);
        assertEquals(1, typo.exit(), typo.out());
        assertTrue(typo.err().contains("no schema named 'pubic' in the database"), typo.err());
        assertEquals("", typo.out(), "nothing half-written");
    }
}
