package dev.pgpilot.core.query;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.QueryResult;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one query on a target inside a READ ONLY transaction with a statement timeout, then rolls
 * back: a look at the data that can change nothing. Writes stay behind migrations, so the server's
 * refusal of a write is turned into a message that says where changes go.
 */
public final class ReadOnlyQuery {
    public static final int MAX_ROWS = 500;
    static final String TIMEOUT = "10s";
    private static final String READ_ONLY_VIOLATION = "25006";
    private static final String QUERY_CANCELED = "57014";

    private ReadOnlyQuery() {}

    /**
     * One statement only, and no transaction control: a second statement after {@code COMMIT}
     * would run outside the read-only transaction.
     */
    public static QueryResult run(DatabaseTarget target, String sql) {
        List<SqlStatement> statements = SqlScript.parse(sql).statements();
        if (statements.isEmpty()) {
            throw PilotException.refused("no query to run", "sql select * from public.notes limit 10");
        }
        if (statements.size() > 1) {
            throw PilotException.refused("one query at a time: found " + statements.size() + " statements", "run them one by one");
        }
        if (statements.get(0).isTransactionControl()) {
            throw PilotException.refused("sql runs each query in its own read-only transaction; '" + statements.get(0).sql() + "' is not run",
                    "changes go through migrations");
        }
        return run(target, statements.get(0).sql(), List.of());
    }

    /** A query pgpilot wrote itself (the meta-commands), with bound parameters. */
    static QueryResult run(DatabaseTarget target, String sql, List<String> parameters) {
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction read only");
                s.execute("set local statement_timeout = '" + TIMEOUT + "'");
                // A query takes the first snapshot: after it the transaction can no longer be set read-write.
                s.execute("select 1");
            }
            try (Statement p = parameters.isEmpty() ? c.createStatement() : bound(c, sql, parameters)) {
                p.setMaxRows(MAX_ROWS + 1);
                // a user's query goes as written: a '?' in it is an operator (jsonb), not a parameter
                boolean hasRows = p instanceof PreparedStatement ps ? ps.execute() : plain(p, sql);
                return hasRows ? read(p.getResultSet()) : new QueryResult(List.of(), List.of(), false);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure(target, e);
        }
    }

    private static PreparedStatement bound(Connection c, String sql, List<String> parameters) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) p.setString(i + 1, parameters.get(i));
        return p;
    }

    private static boolean plain(Statement s, String sql) throws SQLException {
        s.setEscapeProcessing(false);
        return s.execute(sql);
    }

    private static QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnLabel(i));
        List<List<String>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == MAX_ROWS) {
                truncated = true;
                break;
            }
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) row.add(rs.getString(i));
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new QueryResult(List.copyOf(columns), List.copyOf(rows), truncated);
    }

    private static PilotException failure(DatabaseTarget target, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
        if (READ_ONLY_VIOLATION.equals(e.getSQLState())) {
            return PilotException.refused("sql only reads: " + message.replaceFirst("^ERROR: ", "") + "; nothing was changed",
                    "changes go through migrations: type the change in plain English in the shell, or pgpilot new --empty NAME");
        }
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return PilotException.refused("the query ran longer than " + TIMEOUT + " and was cancelled", "add a where clause or a limit");
        }
        return PilotException.refused("query failed on " + target.display() + ": " + message.replaceFirst("^ERROR: ", ""), null);
    }
}
