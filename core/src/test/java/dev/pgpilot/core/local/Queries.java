package dev.pgpilot.core.local;

import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain SQL against a test database, for tests of what the database itself does. */
final class Queries {
    private Queries() {}

    static void exec(DatabaseTarget db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs the statements in one transaction (rolled back) and returns the first column of the last result. */
    static String one(DatabaseTarget db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            String last = null;
            boolean isResult = s.execute(sql);
            while (true) {
                if (isResult) {
                    try (ResultSet r = s.getResultSet()) {
                        if (r.next()) last = r.getString(1);
                    }
                } else if (s.getUpdateCount() == -1) {
                    break;
                }
                isResult = s.getMoreResults();
            }
            c.rollback();
            return last;
        }
    }
}
