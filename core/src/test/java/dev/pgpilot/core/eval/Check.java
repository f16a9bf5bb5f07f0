package dev.pgpilot.core.eval;

import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a case's check: its statements in one transaction as the superuser (setup rows bypass RLS;
 * ev.rows_as / ev.can_as switch to real roles inside), the last one's first column read as the
 * verdict, then everything rolled back, so the before-check leaves the database as it was.
 */
final class Check {
    /** The verdict: "t" passes; anything else (f, null, "error: ...") does not. */
    record Result(String value) {
        boolean isTrue() {
            return "t".equals(value) || "true".equals(value);
        }
    }

    private Check() {}

    static Result run(DatabaseTarget db, List<String> statements) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(20);
                String last = null;
                for (String sql : statements) {
                    if (s.execute(sql)) {
                        try (ResultSet rs = s.getResultSet()) {
                            last = rs.next() ? rs.getString(1) : null;
                        }
                    }
                }
                return new Result(last);
            } catch (SQLException e) {
                return new Result("error: " + firstLine(e.getMessage()));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return new Result("error: " + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String s) {
        return s == null ? "" : s.split("\n")[0];
    }
}
