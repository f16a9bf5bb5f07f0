package dev.pgpilot.core;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.local.LocalDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM (started on first use, stopped at exit) and a fresh
 * database for each caller. Databases are copies of template1, so each has the Supabase base.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DatabaseTarget server;
    private static LocalDatabase local;

    private TestDatabase() {}

    public static synchronized DatabaseTarget server() {
        if (server == null) {
            try {
                Path root = Files.createTempDirectory("pgpilot-test-pg");
                local = new LocalDatabase(root, false);
                server = local.start();
                LocalDatabase l = local;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> discard(l, root)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /**
     * The suite leaves a cluster of a few hundred databases (gigabytes of small files): deleting it
     * inline kept the test JVM busy past surefire's 30 s exit limit on a loaded disk, so the folder
     * is removed by a detached {@code rm -rf} that outlives the JVM.
     */
    private static void discard(LocalDatabase l, Path root) {
        l.stopImmediately();
        try {
            new ProcessBuilder("rm", "-rf", root.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            System.err.println("could not remove the test cluster " + root + ": " + e.getMessage());
        }
    }

    /** The shared test server as its superuser, for setting up what Supabase's own admin would; never for code under test. */
    public static DatabaseTarget admin(DatabaseTarget db) {
        server();
        return db.withUser(dev.pgpilot.core.local.SupabaseBase.ADMIN_ROLE);
    }

    /** A new, empty database (with the Supabase base) on the shared test server, connecting as postgres. */
    public static DatabaseTarget fresh() {
        DatabaseTarget s = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        LocalDatabase.createDatabase(s, name);
        return s.withDatabase(name);
    }

    /**
     * A login role that must give its password (SCRAM), on the shared test server whose other roles
     * connect without one (trust): its own pg_hba.conf line goes first, then the server reloads
     * (as supabase_admin: postgres is no superuser, as on Supabase).
     */
    public static synchronized void passwordRole(String role, String password) {
        server();
        try (java.sql.Connection c = local.adminTarget().connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then create role \"" + role
                    + "\" login; end if; end $$");
            st.execute("alter role \"" + role + "\" password '" + password.replace("'", "''") + "'");
            java.sql.ResultSet rs = st.executeQuery("show hba_file");
            rs.next();
            Path hba = Path.of(rs.getString(1));
            String line = "host all " + role + " 127.0.0.1/32 scram-sha-256\n";
            String text = Files.readString(hba);
            if (!text.startsWith(line)) {
                Files.writeString(hba, line + text);
            }
            st.execute("select pg_reload_conf()");
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database's URL as a user would write it (postgresql://user@host:port/db). */
    public static String url(DatabaseTarget db) {
        return "postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + db.jdbcUrl().replaceFirst("^.*:\\d+", "");
    }
}
