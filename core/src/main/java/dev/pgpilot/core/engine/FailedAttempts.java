package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationFailedException;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.target.ServerExtensions;
import dev.pgpilot.core.workspace.Config;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What {@code up} does when a migration does not apply: the failed attempt goes into the log (in its
 * own transaction, or over a new connection when the old one died), and the error a user reads names
 * file and line and says what to do: fix the file only when the file is at fault.
 */
final class FailedAttempts {
    private final Session session;
    private final Config config;

    FailedAttempts(Session session, Config config) {
        this.session = session;
        this.config = config;
    }

    /** A statement that failed: where it is and what the server said. */
    record Failure(SqlStatement statement, int line, String message, SQLException cause) {}

    /**
     * The connection died under the migration (server restart, network, a proxy, pg_terminate_backend):
     * the server rolled its transaction back. The failed attempt is logged over a new connection.
     */
    PilotException recordConnectionLoss(Applier.Prepared p, int batch, UpOptions options, Instant started, long t0, SQLException e) {
        String message = History.firstLine(e.getMessage());
        try (Connection fresh = session.target().connect()) {
            fresh.setAutoCommit(true);
            new History(fresh).log(new History.Attempt(p.file().version(), p.file().name().name(), "up", p.file().checksum(), batch,
                    session.actor(), session.source(), started, Applier.elapsed(t0), false, "connection lost: " + message, null, null,
                    options.allowLintErrors()));
        } catch (SQLException | PilotException ignored) {
            // the server is still unreachable: the error below says so, and the next run starts from the history as it is
        }
        return new PilotException("lost the connection to " + session.target().display() + " while applying "
                + session.display(p.file().path()) + ": " + message,
                (p.outsideTransaction() ? "statements that completed are recorded and will be skipped; "
                        : "the server rolled the migration back, nothing from " + p.file().path().getFileName() + " was applied; ")
                        + "the file is fine: check that the server is up and reachable, then run `pgpilot up` again",
                PilotException.ERROR, e);
    }

    static Failure failureAt(SqlStatement st, SQLException e) {
        return new Failure(st, ErrorLine.of(st, e), serverMessage(e), e);
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage m = pe.getServerErrorMessage();
            return m.getSeverity() + ": " + m.getMessage() + (m.getSQLState() == null ? "" : " (SQLSTATE " + m.getSQLState() + ")");
        }
        return History.firstLine(e.getMessage());
    }

    /** A cancelled migration: rolled back, logged as failed with no statement or line (the batch ran as one call). */
    PilotException recordCancel(Connection c, History history, Applier.Prepared p, int batch, UpOptions options, Instant started,
                                        long t0) throws SQLException {
        c.setAutoCommit(true);
        history.log(new History.Attempt(p.file().version(), p.file().name().name(), "up", p.file().checksum(), batch,
                session.actor(), session.source(), started, Applier.elapsed(t0), false, "cancelled by the user", null, null,
                options.allowLintErrors()));
        return PilotException.refused("cancelled: " + session.display(p.file().path()) + " was rolled back",
                "nothing from " + p.file().path().getFileName() + " was applied; run `pgpilot up` again when ready");
    }

    /**
     * Supabase projects often need extensions the embedded server has no binary for (postgis, pgroonga, ...):
     * say what it does offer, as read from it, and where such a migration can run.
     */
    private String missingExtensionHint(Connection c, SQLException cause) {
        if (!MissingExtension.is(cause)) return "";
        if (!session.target().local()) return " (the extension must be installed on that server first)";
        String offered = ServerExtensions.offered(c);
        return " (the embedded PostgreSQL has " + (offered == null ? "PostgreSQL's contrib extensions" : offered)
                + ", not this one; apply this project to a server that has the extension with --db-url or --env)";
    }

    /** Records the failed attempt in its own transaction (the migration's was rolled back) and builds the error. */
    MigrationFailedException recordFailure(Connection c, History history, Applier.Prepared p, int batch, UpOptions options, Instant started,
                                         long t0, Failure f, String extraHint) throws SQLException {
        c.setAutoCommit(true);
        String where = session.display(p.file().path()) + ":" + f.line();
        history.log(new History.Attempt(p.file().version(), p.file().name().name(), "up", p.file().checksum(), batch,
                session.actor(), session.source(), started, Applier.elapsed(t0), false, f.message(), f.statement().sql().strip(),
                f.line(), options.allowLintErrors()));
        String hint = extraHint != null ? extraHint
                : Applier.LOCK_NOT_AVAILABLE.equals(f.cause().getSQLState())
                ? "nothing from " + p.file().path().getFileName() + " was applied; the file is fine: another session held a lock it needs"
                        + " longer than lock_timeout (" + config.lockTimeout() + ") through " + (config.lockRetries() + 1)
                        + " tries; run `pgpilot up` again when that session is done, or raise lock_timeout in " + Config.FILE_NAME
                : "nothing from " + p.file().path().getFileName() + " was applied; fix it and run `pgpilot up` again"
                + missingExtensionHint(c, f.cause());
        MigrationFailedException.Failed failed = new MigrationFailedException.Failed(p.file().version(), p.file().name().name(),
                session.display(p.file().path()), f.line(), f.statement().sql().strip(), f.message());
        return new MigrationFailedException("migration failed at " + where + ": " + f.message(), hint, f.cause(), failed, List.of());
    }

}
