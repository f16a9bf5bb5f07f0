package dev.pgpilot.core.drift;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.db.DatabaseTarget;
import dev.pgpilot.core.db.LocalDatabase;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.workspace.MigrationFile;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        try (Connection c = db.connect()) {
            for (MigrationFile m : migrations) {
                if (versions == null || versions.contains(m.version())) {
                    apply(c, m);
                }
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot replay migrations into " + db.display() + ": " + e.getMessage(), null);
        }
    }

    private static void apply(Connection c, MigrationFile m) throws SQLException {
        List<SqlStatement> statements = SqlScript.parse(m.sql()).statements();
        boolean transactional = statements.stream().noneMatch(SqlStatement::cannotRunInTransaction);
        c.setAutoCommit(!transactional);
        try (Statement s = c.createStatement()) {
            for (SqlStatement st : statements) {
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
                    throw PilotException.error(m.path().getFileName() + " line " + st.line() + ": " + msg,
                            "the migrations do not replay on a fresh database; fix that file first");
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
