package dev.pgpilot.core.approval;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.db.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code pgpilot.approvals} in the target database: the record that a change was asked for, who
 * decided, and whether it ran. Every state change is one conditional UPDATE, so the database (not
 * the bot's memory) decides who wins when two clicks or two bots race.
 */
public final class ApprovalStore {
    /** Arbitrary advisory-lock key so two bots creating the table at once do not collide in the catalog. */
    private static final long SCHEMA_LOCK = 0x7067706c6f7431L;

    private static final String DDL = """
            CREATE SCHEMA IF NOT EXISTS pgpilot;
            CREATE TABLE IF NOT EXISTS pgpilot.approvals (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                request_key    text NOT NULL UNIQUE,
                kind           text NOT NULL CHECK (kind IN ('plan', 'apply')),
                environment    text NOT NULL,
                request_text   text NOT NULL,
                version        text,
                file_name      text,
                migration_name text,
                plan_sql       text,
                down_sql       text,
                checksum       text,
                requested_by   text NOT NULL,
                details        text,
                requested_at   timestamptz NOT NULL DEFAULT now(),
                decided_by     text,
                decided_at     timestamptz,
                status         text NOT NULL DEFAULT 'pending'
                               CHECK (status IN ('pending', 'approved', 'rejected', 'applied', 'failed')),
                reason         text,
                slack_channel  text,
                slack_ts       text,
                finished_at    timestamptz
            );
            """;

    private static final String COLUMNS = "id, kind, environment, request_text, version, file_name, migration_name, plan_sql, "
            + "down_sql, checksum, requested_by, requested_at, decided_by, decided_at, status, reason, slack_channel, slack_ts, details";

    private final DatabaseTarget target;

    public ApprovalStore(DatabaseTarget target) {
        this.target = target;
    }

    /** Creates the schema and table when missing; safe to call from many processes at once. */
    public void ensureSchema() {
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                s.execute(DDL);
            }
            c.commit();
        } catch (SQLException e) {
            throw failure("cannot create pgpilot.approvals", e);
        }
    }

    /**
     * Stores a pending approval before anything runs. The same request key stored twice (a retried
     * Slack request) returns the row stored first instead of a second approval.
     */
    public Approval create(ApprovalRequest r) {
        ensureSchema();
        String insert = "INSERT INTO pgpilot.approvals (request_key, kind, environment, request_text, version, file_name, "
                + "migration_name, plan_sql, down_sql, checksum, requested_by, details) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (request_key) DO NOTHING RETURNING " + COLUMNS;
        try (Connection c = target.connect(); PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, r.requestKey());
            ps.setString(2, r.kind().dbValue());
            ps.setString(3, r.environment());
            ps.setString(4, r.requestText());
            ps.setString(5, r.version());
            ps.setString(6, r.fileName());
            ps.setString(7, r.migrationName());
            ps.setString(8, r.planSql());
            ps.setString(9, r.downSql());
            ps.setString(10, r.checksum());
            ps.setString(11, r.requestedBy());
            ps.setString(12, r.details());
            Optional<Approval> inserted = single(ps);
            if (inserted.isPresent()) {
                return inserted.get();
            }
        } catch (SQLException e) {
            throw failure("cannot store the approval request", e);
        }
        return byKey(r.requestKey()).orElseThrow(() -> PilotException.error(
                "approval " + r.requestKey() + " vanished while being stored", "try the request again"));
    }

    public Optional<Approval> find(long id) {
        return query("SELECT " + COLUMNS + " FROM pgpilot.approvals WHERE id = ?", ps -> ps.setLong(1, id));
    }

    private Optional<Approval> byKey(String key) {
        return query("SELECT " + COLUMNS + " FROM pgpilot.approvals WHERE request_key = ?", ps -> ps.setString(1, key));
    }

    /**
     * Approves or rejects a pending approval. Returns the decided row, or empty when it was not
     * pending any more (someone else decided first, or it does not exist): exactly one caller wins.
     */
    public Optional<Approval> decide(long id, String user, boolean approve, String reason) {
        String sql = "UPDATE pgpilot.approvals SET status = ?, decided_by = ?, decided_at = now(), reason = ? "
                + "WHERE id = ? AND status = 'pending' RETURNING " + COLUMNS;
        return query(sql, ps -> {
            ps.setString(1, (approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED).dbValue());
            ps.setString(2, user);
            ps.setString(3, reason);
            ps.setLong(4, id);
        });
    }

    /** Records the outcome of running an approved change; only an approved row can finish, once. */
    public Optional<Approval> finish(long id, boolean applied, String reason) {
        String sql = "UPDATE pgpilot.approvals SET status = ?, reason = coalesce(?, reason), finished_at = now() "
                + "WHERE id = ? AND status = 'approved' RETURNING " + COLUMNS;
        return query(sql, ps -> {
            ps.setString(1, (applied ? ApprovalStatus.APPLIED : ApprovalStatus.FAILED).dbValue());
            ps.setString(2, reason);
            ps.setLong(3, id);
        });
    }

    /** Remembers where the approval message was posted so it can be updated after the decision. */
    public void attachMessage(long id, String channel, String ts) {
        query("UPDATE pgpilot.approvals SET slack_channel = ?, slack_ts = ? WHERE id = ? RETURNING " + COLUMNS, ps -> {
            ps.setString(1, channel);
            ps.setString(2, ts);
            ps.setLong(3, id);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<Approval> query(String sql, Binder binder) {
        try (Connection c = target.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return single(ps);
        } catch (SQLException e) {
            throw failure("approval store query failed", e);
        }
    }

    private static Optional<Approval> single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    private static Approval read(ResultSet rs) throws SQLException {
        return new Approval(rs.getLong("id"), ApprovalKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("environment"), rs.getString("request_text"), rs.getString("version"),
                rs.getString("file_name"), rs.getString("migration_name"), rs.getString("plan_sql"),
                rs.getString("down_sql"), rs.getString("checksum"), rs.getString("requested_by"),
                instant(rs.getTimestamp("requested_at")), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
                ApprovalStatus.fromDb(rs.getString("status")), rs.getString("reason"),
                rs.getString("slack_channel"), rs.getString("slack_ts"), rs.getString("details"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private PilotException failure(String what, SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
        return new PilotException(what + " on " + target.display() + ": " + msg,
                "the bot needs CREATE on the database (schema pgpilot) and INSERT/UPDATE on pgpilot.approvals",
                PilotException.ERROR, e);
    }
}
