package dev.pgpilot.core.rlstest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.RlsStepResult;
import dev.pgpilot.core.api.model.RlsTestResult;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs RLS test files against a database. Each file runs in one transaction that is always rolled
 * back, so tests leave nothing behind. Each step runs inside a savepoint with {@code set local role}
 * and the JWT claims set the way PostgREST sets them; a step's successful writes stay visible to
 * the later steps of the same file.
 */
public final class RlsTestRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RlsTestRunner() {}

    public static List<RlsTestResult> run(DatabaseTarget db, List<RlsTestFile> files) {
        List<RlsTestResult> results = new ArrayList<>();
        try (Connection c = db.connect()) {
            for (RlsTestFile f : files) {
                results.add(runFile(c, f));
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot run RLS tests on " + db.display() + ": " + e.getMessage(), null);
        }
        return results;
    }

    private static RlsTestResult runFile(Connection c, RlsTestFile f) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (!f.setup().isBlank()) {
                try {
                    s.execute(f.setup());
                } catch (SQLException e) {
                    return new RlsTestResult(f.path(), f.name(), "setup failed: " + firstLine(e), List.of());
                }
            }
            List<RlsStepResult> steps = new ArrayList<>();
            for (RlsTestFile.Step step : f.steps()) {
                steps.add(runStep(c, step));
            }
            return new RlsTestResult(f.path(), f.name(), null, List.copyOf(steps));
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static RlsStepResult runStep(Connection c, RlsTestFile.Step step) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            becomeUser(c, step);
            List<Map<String, String>> rows = new ArrayList<>();
            int count;
            if (s.execute(step.sql())) {
                try (ResultSet rs = s.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.put(md.getColumnLabel(i), rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
                count = rows.size();
            } else {
                count = s.getUpdateCount();
            }
            s.execute("reset role");
            c.releaseSavepoint(sp);
            return judge(step, count, rows);
        } catch (SQLException e) {
            c.rollback(sp);
            if (step.expect() instanceof RlsTestFile.Expectation.Error err) {
                // 42501 is both "permission denied" and "new row violates row-level security policy".
                return err.kind().equals("any") || "42501".equals(e.getSQLState()) ? new RlsStepResult(step.name(), true, null)
                        : new RlsStepResult(step.name(), false, "expected permission denied, got: " + firstLine(e));
            }
            return new RlsStepResult(step.name(), false, "query failed: " + firstLine(e));
        }
    }

    private static RlsStepResult judge(RlsTestFile.Step step, int count, List<Map<String, String>> rows) {
        if (step.expect() instanceof RlsTestFile.Expectation.Rows r) {
            return r.count() == count ? new RlsStepResult(step.name(), true, null)
                    : new RlsStepResult(step.name(), false, "expected " + r.count() + " row(s), got " + count);
        }
        if (step.expect() instanceof RlsTestFile.Expectation.RowsEqual r) {
            List<Map<String, String>> actual = rows.stream().map(row -> only(row, r.rows().isEmpty() ? row.keySet() : r.rows().get(0).keySet())).toList();
            return r.rows().equals(actual) ? new RlsStepResult(step.name(), true, null)
                    : new RlsStepResult(step.name(), false, "expected rows " + r.rows() + ", got " + actual);
        }
        RlsTestFile.Expectation.Error e = (RlsTestFile.Expectation.Error) step.expect();
        return new RlsStepResult(step.name(), false,
                "expected " + (e.kind().equals("any") ? "an error" : "permission denied") + ", but the query succeeded (" + count + " row(s))");
    }

    /** Compares only the columns the expectation names, so {@code select *} tests survive new columns. */
    private static Map<String, String> only(Map<String, String> row, java.util.Set<String> columns) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : columns) {
            m.put(k, row.get(k));
        }
        return m;
    }

    /** What PostgREST does per request: the role, and the JWT claims as a transaction-local setting. */
    private static void becomeUser(Connection c, RlsTestFile.Step step) throws SQLException {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("role", step.role());
        if (step.user() != null) {
            claims.put("sub", step.user());
        }
        claims.putAll(step.claims());
        String json;
        try {
            json = JSON.writeValueAsString(claims);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement p = c.prepareStatement(
                "select set_config('request.jwt.claims', ?, true), set_config('request.jwt.claim.sub', ?, true), set_config('role', ?, true)")) {
            p.setString(1, json);
            p.setString(2, step.user() == null ? "" : step.user());
            p.setString(3, step.role());
            p.execute();
        }
    }

    private static String firstLine(SQLException e) {
        return e.getMessage() == null ? e.getSQLState() : e.getMessage().split("\n")[0];
    }
}
