package dev.pgpilot.core.pgtap;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.PgTapResult;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.engine.MissingExtension;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs pgTAP test files the way {@code supabase test db} does (pg_prove over supabase/tests/*.sql):
 * each file's statements in order on one session, as written (they usually begin, plan, test,
 * finish and roll back), collecting the TAP lines pgTAP's functions return.
 */
public final class PgTapRunner {
    private static final Pattern PLAN = Pattern.compile("^1\\.\\.(\\d+)");
    private static final Pattern RESULT = Pattern.compile("^(not )?ok \\d+");

    private PgTapRunner() {}

    public static List<PgTapResult> run(DatabaseTarget db, List<Path> files) {
        installPgtap(db);
        List<PgTapResult> out = new ArrayList<>();
        for (Path f : files) {
            out.add(runFile(db, f));
        }
        return out;
    }

    /** Like supabase's local stack, which has pgTAP available; here it goes into the extensions schema. */
    private static void installPgtap(DatabaseTarget db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pgtap with schema extensions");
        } catch (SQLException e) {
            throw PilotException.error("cannot install pgTAP on " + db.display() + ": " + e.getMessage().split("\n")[0],
                    MissingExtension.is(e) ? "the embedded server takes pgTAP from Debian's package: apt-get install postgresql-15-pgtap" : null);
        }
    }

    private static PgTapResult runFile(DatabaseTarget db, Path file) {
        String sql;
        try {
            sql = Files.readString(file);
        } catch (IOException e) {
            throw PilotException.error("cannot read " + file + ": " + e.getMessage(), null);
        }
        List<String> tap = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (SqlStatement st : SqlScript.parse(sql).statements()) {
                try {
                    collect(s, s.execute(st.sql()), tap);
                } catch (SQLException e) {
                    failures.add(file.getFileName() + ":" + st.line() + ": " + e.getMessage().split("\n")[0]);
                    break;
                }
            }
            // A file that stopped halfway leaves its transaction open; nothing of it may stay.
            s.execute("rollback");
        } catch (SQLException e) {
            failures.add(file.getFileName() + ": " + e.getMessage().split("\n")[0]);
        }
        int passed = 0;
        int ran = 0;
        Integer planned = null;
        for (String line : tap) {
            Matcher plan = PLAN.matcher(line);
            if (plan.find()) planned = Integer.parseInt(plan.group(1));
            Matcher result = RESULT.matcher(line);
            if (result.find()) {
                ran++;
                if (result.group(1) == null || line.contains("# TODO")) passed++;
                else failures.add(line);
            }
        }
        if (planned != null && planned != ran && failures.stream().noneMatch(f -> f.startsWith(file.getFileName() + ":"))) {
            failures.add("planned " + planned + " tests but ran " + ran);
        }
        if (planned == null && ran == 0 && failures.isEmpty()) {
            failures.add("no tests ran (no plan() and no ok/not ok line)");
        }
        return new PgTapResult(file, List.copyOf(tap), passed, List.copyOf(failures));
    }

    /** Every text value of every result the statement produced; pgTAP's functions return TAP lines. */
    private static void collect(Statement s, boolean isResult, List<String> tap) throws SQLException {
        while (true) {
            if (isResult) {
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        String v = rs.getString(1);
                        if (v != null) tap.addAll(v.lines().toList());
                    }
                }
            } else if (s.getUpdateCount() == -1) {
                return;
            }
            isResult = s.getMoreResults();
        }
    }
}
