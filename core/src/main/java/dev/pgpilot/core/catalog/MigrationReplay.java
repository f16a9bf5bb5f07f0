package dev.pgpilot.core.catalog;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.engine.ErrorLine;
import dev.pgpilot.core.engine.MissingExtension;
import dev.pgpilot.core.engine.SessionSettings;
import dev.pgpilot.core.sql.PlainTransactionControl;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.target.ServerExtensions;
import dev.pgpilot.core.target.StandInIndexOptions;
import dev.pgpilot.core.api.model.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one way migrations are replayed to read the schema they leave, with plain JDBC, each file
 * after {@code RESET ALL} as up runs it so no setting leaks into the next file. Two places:
 * <ul>
 * <li>{@link #commit}: into a database of its own (a {@link Shadow}, or a test database), one
 *     transaction per file, statement by statement so a failure names its line; files that cannot
 *     run in a transaction run in autocommit. Drift, reset and offline planning read it afterwards.
 * <li>{@link #rolledBack}: on the target itself, all files in one transaction that is always rolled
 *     back, for planning against pending (written, not applied) migrations; {@link #pending} falls
 *     back to a committed replay of every file into a shadow when a pending file needs its own commits.
 * </ul>
 * Lint's {@code SchemaModel} replays DDL text without any database; it is not a third way of running
 * files but a model of their text, because lint must work offline.
 */
public final class MigrationReplay {
    /** Planning never queues behind, or holds up, real traffic on the target for long. */
    private static final String TARGET_TIMEOUTS = "set local lock_timeout = '2s'; set local statement_timeout = '30s'";

    private MigrationReplay() {}

    /** What is read inside the rolled-back transaction. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Connection c) throws SQLException;
    }

    /**
     * Applies the migrations whose version is in {@code versions} (all of them when null), in the
     * order given (the workspace's version order), and commits them.
     */
    public static void commit(DatabaseTarget db, List<MigrationFile> migrations, Set<String> versions) {
        commit(db, migrations, versions, false);
    }

    /**
     * @param throwaway the database is a shadow that is dropped afterwards: its commits need not wait
     *                  for the disk (synchronous_commit off), which is most of a replay's time on a durable server
     */
    public static void commit(DatabaseTarget db, List<MigrationFile> migrations, Set<String> versions, boolean throwaway) {
        // a throwaway shadow's commits need not wait for the disk; set again after each file's reset
        String restore = throwaway ? "set synchronous_commit = off" : "";
        try (Connection c = db.connect()) {
            StandInIndexOptions indexOptions = StandInIndexOptions.of(c);
            List<Parsed> files = new ArrayList<>();
            for (MigrationFile m : migrations) {
                if (versions == null || versions.contains(m.version())) {
                    // as written (CRs kept), as up and the Supabase CLI run it, so literals and bodies match the
                    // target's; only a stand-in index's options are blanked, as up does
                    List<SqlStatement> statements = SqlScript.parse(indexOptions.blank(m.text())).statements();
                    // a file whose own BEGIN/COMMIT decide runs as written, as up runs it (a new enum value committed, then used)
                    files.add(new Parsed(m, statements, statements.stream().noneMatch(SqlStatement::cannotRunInTransaction)
                            && !PlainTransactionControl.managesOwnTransactions(statements)));
                }
            }
            for (Parsed f : files) {
                SessionSettings.resetBeforeFile(c, restore);
                apply(c, f);
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot replay migrations into " + db.display() + ": " + e.getMessage(), null);
        }
    }

    /**
     * Runs {@code pending} on {@code c} in one transaction, reads what they leave with {@code reader},
     * and rolls everything back. Short lock and statement timeouts: the connection is the target's.
     */
    public static <T> T rolledBack(Connection c, List<MigrationFile> pending, Reader<T> reader) throws SQLException {
        try {
            return rolledBackOrSignal(c, pending, reader);
        } catch (NeedsOwnCommits e) {
            throw e.refusal;
        }
    }

    private static <T> T rolledBackOrSignal(Connection c, List<MigrationFile> pending, Reader<T> reader) throws SQLException {
        StandInIndexOptions indexOptions = StandInIndexOptions.of(c);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (MigrationFile m : pending) {
                SessionSettings.resetBeforeFile(c, TARGET_TIMEOUTS);
                runUncommitted(s, m, indexOptions);
            }
            SessionSettings.resetBeforeFile(c, TARGET_TIMEOUTS);
            return reader.read(c);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /**
     * What {@code reader} reads once the {@code pendingVersions} of {@code all} have run on the target
     * ({@link #rolledBack}). A pending file that commits a new enum value itself and then uses it
     * (SQLSTATE 55P04, unsafe use of a new enum value) cannot run in a transaction that is rolled back:
     * PostgreSQL lets a value be used only once the transaction that added it has committed. Then every
     * file, applied and pending, is replayed committed into a shadow on {@code scratchServer}, as up
     * would run them, and read there: the schema the migrations describe, which is the target's
     * unless it has drifted ({@code pgpilot diff} says).
     */
    public static <T> T pending(Connection c, List<MigrationFile> all, Set<String> pendingVersions,
                                java.util.function.Supplier<DatabaseTarget> scratchServer, Reader<T> reader) throws SQLException {
        List<MigrationFile> pending = all.stream().filter(f -> pendingVersions.contains(f.version())).toList();
        try {
            return rolledBackOrSignal(c, pending, reader);
        } catch (NeedsOwnCommits e) {
            try (Shadow shadow = Shadow.create(scratchServer.get())) {
                commit(shadow.target(), all, null, true);
                try (Connection sc = shadow.target().connect()) {
                    return reader.read(sc);
                }
            }
        }
    }

    /** A pending file used what it committed itself: the rolled-back replay cannot read past it. */
    private static final class NeedsOwnCommits extends RuntimeException {
        final PilotException refusal;

        NeedsOwnCommits(PilotException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private static final String UNSAFE_NEW_ENUM_VALUE = "55P04";

    private static void runUncommitted(Statement s, MigrationFile m, StandInIndexOptions indexOptions) {
        for (SqlStatement st : SqlScript.parse(indexOptions.blank(m.text())).statements()) {
            // the file's own BEGIN/COMMIT would end the rollback-only transaction; CONCURRENTLY
            // statements cannot run in one and only build indexes, which reading the schema can do without
            if (st.isTransactionControl() || st.cannotRunInTransaction()) continue;
            try {
                s.execute(st.sql());
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) { // lock_not_available: busy tables, not a broken file
                    throw PilotException.error("pending migration " + m.path().getFileName() + " line " + st.line()
                            + " waits for a lock on the target: " + oneLine(e.getMessage()), "try again, or plan with --offline against the migrations alone");
                }
                if (UNSAFE_NEW_ENUM_VALUE.equals(e.getSQLState())) {
                    throw new NeedsOwnCommits(PilotException.error("pending migration " + m.path().getFileName() + " line " + st.line()
                            + " uses an enum value it commits itself, which a rolled-back replay cannot: " + oneLine(e.getMessage()),
                            "apply it with pgpilot up first, or plan with --offline against the migrations alone"));
                }
                throw PilotException.error("pending migration " + m.path().getFileName() + " line " + st.line() + " does not apply: "
                        + oneLine(e.getMessage()), "fix that file (or apply it with pgpilot up) before planning the next one");
            }
        }
    }

    private static void endOwnBlock(Statement s) {
        try {
            s.execute("ROLLBACK"); // outside a block only a warning
        } catch (SQLException ignored) {
            // the connection is gone; the error below says what failed
        }
    }

    /** A server message on one line, as the planner's refusals print it. */
    private static String oneLine(String text) {
        return text == null ? "" : LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\u0000-\\u001f\\u2028\\u2029]+");

    /**
     * A file split into statements once; {@code transactional} when none of them refuses a transaction
     * block and the file does not manage its own transactions.
     */
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
                    } else {
                        endOwnBlock(s); // a file's own block left aborted: the hint below asks the server what it offers
                    }
                    String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
                    throw PilotException.error(m.path().getFileName() + " line " + ErrorLine.of(st, e) + ": " + msg,
                            MissingExtension.is(e)
                                    ? "the shadow database's server has " + java.util.Objects.requireNonNullElse(ServerExtensions.offered(c),
                                            "other extensions") + ", not this one, so this project cannot be replayed here"
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
