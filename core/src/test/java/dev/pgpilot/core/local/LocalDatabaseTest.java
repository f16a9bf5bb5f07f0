package dev.pgpilot.core.local;

import dev.pgpilot.core.target.DatabaseTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDatabaseTest {
    @TempDir Path dir;

    @Test
    void clusterIsCreatedStartedStoppedAndKeepsItsDataAcrossRestarts() throws SQLException {
        LocalDatabase db = new LocalDatabase(dir.resolve("local"), false);
        assertFalse(db.state().initialized());
        DatabaseTarget t = db.start();
        assertTrue(db.state().running());
        assertEquals(t.port(), db.state().port());
        try (Connection c = t.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.kept (id int); insert into public.kept values (42)");
        }
        assertTrue(db.stop());
        assertFalse(db.state().running());
        assertFalse(db.stop(), "stopping a stopped server reports it was not running");
        DatabaseTarget again = db.start();
        try (Connection c = again.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from public.kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
        db.reset();
        assertFalse(db.state().initialized());
    }

    @Test
    void aProjectsLocalDatabaseKeepsItsPortAcrossStopStartAndReset() throws Exception {
        LocalDatabase db = new LocalDatabase(dir.resolve("local"), true);
        try {
            int port = db.start().port();
            assertEquals(port + "\n", java.nio.file.Files.readString(dir.resolve("local/port")));
            db.stop();
            assertEquals(port, db.start().port(), "after stop and start");
            db.reset();
            assertEquals(port, db.start().port(), "after reset");
        } finally {
            db.stopImmediately();
        }
    }

    @Test
    void aKeptPortTakenByAnotherProgramIsRefusedNamingTheFile() throws Exception {
        LocalDatabase db = new LocalDatabase(dir.resolve("local"), true);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.nio.file.Files.createDirectories(dir.resolve("local"));
            java.nio.file.Files.writeString(dir.resolve("local/port"), taken.getLocalPort() + "\n");
            dev.pgpilot.core.PilotException e = org.junit.jupiter.api.Assertions.assertThrows(dev.pgpilot.core.PilotException.class, db::start);
            assertEquals("port " + taken.getLocalPort() + " of the local database (kept in " + dir.resolve("local/port").toAbsolutePath().normalize()
                    + ") is taken by another program", e.getMessage());
            assertFalse(db.state().running());
        } finally {
            db.stopImmediately();
        }
    }

    @Test
    void aPortSupabaseConfigTomlGivesSupabaseStartIsNeverTakenNorKept() throws Exception {
        LocalDatabase db = new LocalDatabase(dir.resolve("local"), true, java.util.Set.of(LocalDatabase.DEFAULT_PORT));
        try {
            int port = db.start().port();
            assertTrue(port != LocalDatabase.DEFAULT_PORT, "54340 is reserved for supabase start here, got " + port);
        } finally {
            db.stopImmediately();
        }
        LocalDatabase clashing = new LocalDatabase(dir.resolve("local"), true, java.util.Set.of(
                Integer.parseInt(java.nio.file.Files.readString(dir.resolve("local/port")).strip())));
        dev.pgpilot.core.PilotException e = org.junit.jupiter.api.Assertions.assertThrows(dev.pgpilot.core.PilotException.class, clashing::start);
        assertTrue(e.getMessage().endsWith("is one supabase/config.toml gives to supabase start"), e.getMessage());
        assertFalse(clashing.state().running());
    }

    @Test
    void startOnARunningClusterReusesIt() {
        LocalDatabase db = new LocalDatabase(dir.resolve("local"), false);
        try {
            int port = db.start().port();
            assertEquals(port, new LocalDatabase(dir.resolve("local"), false).start().port());
        } finally {
            db.reset();
        }
    }

    @Test
    void supabaseBaseGivesRolesAuthFunctionsAndStorage() throws SQLException {
        LocalDatabase db = new LocalDatabase(dir.resolve("local"), false);
        try {
            DatabaseTarget server = db.start();
            LocalDatabase.createDatabase(server, "app");
            try (Connection c = server.withDatabase("app").connect(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*) from pg_roles where rolname in ('anon','authenticated','service_role')")) {
                    rs.next();
                    assertEquals(3, rs.getInt(1));
                }
                try (ResultSet rs = s.executeQuery("select rolbypassrls from pg_roles where rolname = 'service_role'")) {
                    rs.next();
                    assertTrue(rs.getBoolean(1));
                }
                s.execute("select set_config('request.jwt.claims', '{\"sub\":\"00000000-0000-0000-0000-00000000000a\",\"role\":\"authenticated\"}', false)");
                try (ResultSet rs = s.executeQuery("select auth.uid()::text, auth.role(), auth.jwt() ->> 'sub'")) {
                    rs.next();
                    assertEquals("00000000-0000-0000-0000-00000000000a", rs.getString(1));
                    assertEquals("authenticated", rs.getString(2));
                    assertEquals("00000000-0000-0000-0000-00000000000a", rs.getString(3));
                }
                s.execute("insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true)");
                try (ResultSet rs = s.executeQuery("select (storage.foldername('u1/a/b.png'))[1], storage.extension('u1/a/b.png')")) {
                    rs.next();
                    assertEquals("u1", rs.getString(1));
                    assertEquals("png", rs.getString(2));
                }
                // Supabase's default grants: a table created in public is usable by the API roles.
                s.execute("create table public.notes (id int)");
                try (ResultSet rs = s.executeQuery("select has_table_privilege('authenticated', 'public.notes', 'select')")) {
                    rs.next();
                    assertTrue(rs.getBoolean(1));
                }
            }
        } finally {
            db.reset();
        }
    }
}
