package dev.pgpilot.core.api.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.Finding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pgpilot.approvals} in the target database: what was asked for, exactly what would run,
 * who decided and how it ended. Every state change is one conditional UPDATE, so the database (not
 * the bot's memory) decides who wins when two clicks or two bots race.
 */
public final class ApprovalStore {
    /** Arbitrary advisory-lock key so two bots creating the table at once do not collide in the catalog. */
    private static final long SCHEMA_LOCK = 0x7067706c6f7431L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** undefined_table, invalid_schema_name: the table or its schema was dropped under us. */
    private static final java.util.Set<String> GONE = java.util.Set.of("42P01", "3F000");

    // The first version of this table (bigint ids restarting in each database, no file checksums) cannot
    // say what an old approval would run; it is kept aside under another name instead of being guessed at.
    private static final String DDL = """
            CREATE SCHEMA IF NOT EXISTS pgpilot;
            DO $$ BEGIN
              IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'pgpilot'
                         AND table_name = 'approvals' AND column_name = 'plan_sql') THEN
                ALTER TABLE pgpilot.approvals RENAME TO approvals_v1;
              END IF;
            END $$;
            CREATE TABLE IF NOT EXISTS pgpilot.approvals (
                id            text PRIMARY KEY,
                request_key   text NOT NULL UNIQUE,
                kind          text NOT NULL CHECK (kind IN ('plan', 'apply')),
                env_arg       text,
                environment   text NOT NULL,
                target        text NOT NULL,
                history_head  text NOT NULL,
                workspace     jsonb NOT NULL,
                files         jsonb NOT NULL,
                findings      jsonb NOT NULL,
                request_text  text NOT NULL,
                requested_by  text NOT NULL,
                requested_at  timestamptz NOT NULL DEFAULT now(),
                expires_at    timestamptz NOT NULL,
                status        text NOT NULL DEFAULT 'pending',
                decided_by    text,
                decided_at    timestamptz,
                reason        text,
                outcome       text,
                finished_at   timestamptz,
                slack_channel text,
                slack_ts      text
            );
            """;

    private static final String COLUMNS = "id, kind, env_arg, environment, target, history_head, workspace, files, findings, "
            + "request_text, requested_by, requested_at, expires_at, status, decided_by, decided_at, reason, outcome, slack_channel, slack_ts";

    private final DatabaseTarget target;

    ApprovalStore(DatabaseTarget target) {
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

    /** True when this database has approvals to look at (start-up recovery must not create tables). */
    public boolean exists() {
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('pgpilot.approvals') IS NOT NULL AND EXISTS (SELECT 1 FROM "
                     + "information_schema.columns WHERE table_schema = 'pgpilot' AND table_name = 'approvals' AND column_name = 'files')")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw failure("cannot read pgpilot.approvals", e);
        }
    }

    /** What {@link #create} stored, and whether this call stored it (false: a retry of a stored request). */
    public record Created(Approval approval, boolean stored) {}

    /**
     * Stores a pending approval before anything runs. The same request key stored twice (a retried
     * Slack request) returns the row stored first instead of a second approval.
     */
    public Created create(String requestKey, Approval a) {
        ensureSchema();
        String insert = "INSERT INTO pgpilot.approvals (id, request_key, kind, env_arg, environment, target, history_head, workspace, "
                + "files, findings, request_text, requested_by, requested_at, expires_at) VALUES (?,?,?,?,?,?,?,?::jsonb,?::jsonb,?::jsonb,?,?,?,?) "
                + "ON CONFLICT (request_key) DO NOTHING RETURNING " + COLUMNS;
        Optional<Approval> inserted = query(insert, ps -> {
            ps.setString(1, a.id());
            ps.setString(2, requestKey);
            ps.setString(3, a.kind().dbValue());
            ps.setString(4, a.envArg());
            ps.setString(5, a.snapshot().environment());
            ps.setString(6, a.snapshot().target());
            ps.setString(7, a.snapshot().historyHead());
            ps.setString(8, json(a.snapshot().files()));
            ps.setString(9, json(a.files()));
            ps.setString(10, json(a.findings()));
            ps.setString(11, a.requestText());
            ps.setString(12, a.requestedBy());
            ps.setTimestamp(13, Timestamp.from(a.requestedAt()));
            ps.setTimestamp(14, Timestamp.from(a.expiresAt()));
        });
        if (inserted.isPresent()) {
            return new Created(inserted.get(), true);
        }
        Approval first = query("SELECT " + COLUMNS + " FROM pgpilot.approvals WHERE request_key = ?", ps -> ps.setString(1, requestKey))
                .orElseThrow(() -> PilotException.error("approval " + requestKey + " vanished while being stored", "ask again"));
        return new Created(first, false);
    }

    public Optional<Approval> find(String id) {
        return query("SELECT " + COLUMNS + " FROM pgpilot.approvals WHERE id = ?", ps -> ps.setString(1, id));
    }

    /** Finds an approval by its full id or the short id people type; empty when none or ambiguous. */
    public Optional<Approval> findByPrefix(String idOrPrefix) {
        List<Approval> found = list("SELECT " + COLUMNS + " FROM pgpilot.approvals WHERE id LIKE ? || '%' LIMIT 2",
                ps -> ps.setString(1, idOrPrefix.replace("%", "").replace("_", "")));
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public List<Approval> withStatus(ApprovalStatus status) {
        return list("SELECT " + COLUMNS + " FROM pgpilot.approvals WHERE status = ? ORDER BY requested_at", ps -> ps.setString(1, status.dbValue()));
    }

    /**
     * Moves an approval from {@code from} to {@code to}, recording who and why. Returns the updated
     * row, or empty when it was not in {@code from} any more: exactly one caller wins a race.
     */
    public Optional<Approval> move(String id, ApprovalStatus from, ApprovalStatus to, String user, String reason) {
        String sql = "UPDATE pgpilot.approvals SET status = ?, decided_by = coalesce(?, decided_by), "
                + "decided_at = CASE WHEN ? THEN now() ELSE decided_at END, reason = coalesce(?, reason) "
                + "WHERE id = ? AND status = ? RETURNING " + COLUMNS;
        return query(sql, ps -> {
            ps.setString(1, to.dbValue());
            ps.setString(2, user);
            ps.setBoolean(3, user != null);
            ps.setString(4, reason);
            ps.setString(5, id);
            ps.setString(6, from.dbValue());
        });
    }

    /** Records how an approved change ended; only an approved row can finish, once. */
    public Optional<Approval> finish(String id, ApprovalStatus to, String outcome) {
        String sql = "UPDATE pgpilot.approvals SET status = ?, outcome = ?, finished_at = now() "
                + "WHERE id = ? AND status = 'approved' RETURNING " + COLUMNS;
        return query(sql, ps -> {
            ps.setString(1, to.dbValue());
            ps.setString(2, outcome);
            ps.setString(3, id);
        });
    }

    /** Pending requests whose time ran out become expired; returns them so their messages can say so. */
    public List<Approval> expire(Instant now) {
        return list("UPDATE pgpilot.approvals SET status = 'expired', outcome = 'expired before anyone approved it' "
                + "WHERE status = 'pending' AND expires_at <= ? RETURNING " + COLUMNS, ps -> ps.setTimestamp(1, Timestamp.from(now)));
    }

    /** This one request, if its time ran out: a click must not expire (and so silence) the others the sweep would announce. */
    public Optional<Approval> expire(String id, Instant now) {
        return query("UPDATE pgpilot.approvals SET status = 'expired', outcome = 'expired before anyone approved it' "
                + "WHERE id = ? AND status = 'pending' AND expires_at <= ? RETURNING " + COLUMNS, ps -> {
            ps.setString(1, id);
            ps.setTimestamp(2, Timestamp.from(now));
        });
    }

    /** Remembers where the approval message was posted so it can be updated after the decision. */
    public void attachMessage(String id, String channel, String ts) {
        query("UPDATE pgpilot.approvals SET slack_channel = ?, slack_ts = ? WHERE id = ? RETURNING " + COLUMNS, ps -> {
            ps.setString(1, channel);
            ps.setString(2, ts);
            ps.setString(3, id);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<Approval> query(String sql, Binder binder) {
        List<Approval> rows = list(sql, binder);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Approval> list(String sql, Binder binder) {
        try (Connection c = target.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Approval> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            if (GONE.contains(e.getSQLState())) {
                // `supabase db reset` drops the pgpilot schema with every approval in it: nothing is pending
                // here any more, and the next request creates the table again (create calls ensureSchema)
                return List.of();
            }
            throw failure("approval store query failed", e);
        }
    }

    private static Approval read(ResultSet rs) throws SQLException {
        Snapshot snapshot = new Snapshot(rs.getString("environment"), rs.getString("target"), rs.getString("history_head"),
                parse(rs.getString("workspace"), new TypeReference<Map<String, String>>() {}));
        return new Approval(rs.getString("id"), ApprovalKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("env_arg"), snapshot, parse(rs.getString("files"), new TypeReference<List<ApprovedFile>>() {}),
                parse(rs.getString("findings"), new TypeReference<List<Finding>>() {}), rs.getString("request_text"),
                rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("expires_at")),
                ApprovalStatus.fromDb(rs.getString("status")), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
                rs.getString("reason"), rs.getString("outcome"), rs.getString("slack_channel"), rs.getString("slack_ts"));
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw PilotException.error("pgpilot.approvals holds a row pgpilot cannot read: " + e.getOriginalMessage(),
                    "the row was edited by hand; ask for the change again");
        }
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
