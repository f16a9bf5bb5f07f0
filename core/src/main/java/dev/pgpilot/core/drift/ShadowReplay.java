package dev.pgpilot.core.drift;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.local.LocalDatabase;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.workspace.MigrationFile;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Replays migration files into a database with plain JDBC: one transaction per file, statement by
 * statement so a failure names its line; files that cannot run in a transaction run in autocommit.
 * Kept to this one class on purpose: once the migration engine's Applier exists, drift and reset
 * switch to it here and nowhere else.
 */
public final class ShadowReplay {
    private ShadowReplay() {}

    /** A throwaway database on the embedded server, dropped on close. */
    public record Shadow(DatabaseTarget server, String name, DatabaseTarget target) implements AutoCloseable {
        @Override
        public void close() {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("drop database if exists \"" + name + "\" with (force)");
            } catch (SQLException e) {
                throw PilotException.error("cannot drop the shadow database " + name + ": " + e.getMessage(), null);
            }
        }
    }

    public static Shadow createShadow(LocalDatabase local) {
        return createShadow(local.start());
    }

    /** A new shadow database on a running server (a copy of template1, so it has the Supabase base). */
    public static Shadow createShadow(DatabaseTarget server) {
        String name = "pgpilot_shadow_" + HexFormat.of().formatHex(random());
        LocalDatabase.createDatabase(server, name);
        return new Shadow(server, name, server.withDatabase(name));
    }

    private static byte[] random() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /**
     * Applies the migrations whose version is in {@code versions} (all of them when null), in the
     * order given (the workspace's version order).
     */
    public static void replay(DatabaseTarget db, List<MigrationFile> migrations, Set<String> versions) {
        replay(db, migrations, versions, false);
    }

    /**
     * @param throwaway the database is a shadow that is dropped afterwards: its commits need not wait
     *                  for the disk (synchronous_commit off), which is most of a replay's time on a durable server
     */
    public static void replay(DatabaseTarget db, List<MigrationFile> migrations, Set<String> versions, boolean throwaway) {
        List<Parsed> files = new ArrayList<>();
        for (MigrationFile m : migrations) {
            if (versions == null || versions.contains(m.version())) {
                // as written (CRs kept), as up and the Supabase CLI run it, so literals and bodies match the target's
                List<SqlStatement> statements = SqlScript.parse(m.text()).statements();
                files.add(new Parsed(m, statements, statements.stream().noneMatch(SqlStatement::cannotRunInTransaction)));
            }
        }
        // a throwaway shadow's commits need not wait for the disk; set again after each file's reset
        String restore = throwaway ? "set synchronous_commit = off" : "";
        try (Connection c = db.connect()) {
            // One transaction per file, each after RESET ALL, as up runs them: no setting leaks into the next file.
            for (Parsed f : files) {
                dev.pgpilot.core.engine.SessionSettings.resetBeforeFile(c, restore);
                apply(c, f);
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot replay migrations into " + db.display() + ": " + e.getMessage(), null);
        }
    }

    /** A file split into statements once; {@code transactional} when none of them refuses a transaction block. */
    private record Parsed(MigrationFile file, List<SqlStatement> statements, boolean transactional) {}

    /**
     * Sends a transactional file's statements as one JDBC batch in its transaction: one round trip
     * instead of one per statement. Any failure (including a statement that returns rows, which a
     * batch refuses) rolls back and returns false; the caller then runs the file statement by
     * statement, which also names the failing line.
     */
    private static boolean inOneRoundTrip(Connection c, Parsed file) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (SqlStatement st : file.statements()) {
                if (!st.isTransactionControl()) {
                    s.addBatch(st.sql());
                }
            }
            s.executeBatch();
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            return false;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void apply(Connection c, Parsed p) throws SQLException {
        if (p.transactional() && inOneRoundTrip(c, p)) {
            return;
        }
        MigrationFile m = p.file();
        boolean transactional = p.transactional();
        c.setAutoCommit(!transactional);
        try (Statement s = c.createStatement()) {
            for (SqlStatement st : p.statements()) {
                if (transactional && st.isTransactionControl()) {
                    continue; // the file's own BEGIN/COMMIT: the replay already wraps it in one transaction
                }
                try {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    if (transactional) {
                        c.rollback();
                    }
                    String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
                    throw PilotException.error(m.path().getFileName() + " line " + dev.pgpilot.core.engine.ErrorLine.of(st, e) + ": " + msg,
                            dev.pgpilot.core.engine.MissingExtension.is(e)
                                    ? "the shadow database runs on the embedded PostgreSQL, which ships only the contrib extensions,"
                                            + " so this project cannot be replayed here"
                                    : "the migrations do not replay on a fresh database; fix that file first");
                }
            }
            if (transactional) {
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
    }
}
