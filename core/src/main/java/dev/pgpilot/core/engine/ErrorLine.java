package dev.pgpilot.core.engine;

import dev.pgpilot.core.sql.SqlStatement;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The file line a server error points at: the statement's first line plus the server's position in
 * it, or the line inside a DO block. Shared by up and the shadow replay behind diff, so both name
 * the same line for the same failure.
 */
public final class ErrorLine {
    private ErrorLine() {}

    public static int of(SqlStatement st, SQLException e) {
        int line = st.line();
        if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage m = pe.getServerErrorMessage();
            int pos = m.getPosition(); // 1-based character position in the statement the server received
            if (pos > 0 && pos <= st.sql().length() + 1) {
                line += newlines(st.sql().substring(0, pos - 1));
            } else {
                line += plpgsqlLine(st.sql(), m.getWhere());
            }
        }
        return line;
    }

    private static final java.util.regex.Pattern PLPGSQL_LINE = java.util.regex.Pattern.compile("PL/pgSQL function inline_code_block line (\\d+)");
    private static final java.util.regex.Pattern DOLLAR_TAG = java.util.regex.Pattern.compile("\\$[A-Za-z_]*\\$");

    /**
     * Errors inside a DO block carry no position, only "PL/pgSQL function inline_code_block line N"
     * counted from the line where the body's dollar quote opens: lines to add to the statement's line.
     */
    static int plpgsqlLine(String sql, String where) {
        if (where == null) return 0;
        java.util.regex.Matcher w = PLPGSQL_LINE.matcher(where);
        java.util.regex.Matcher body = DOLLAR_TAG.matcher(sql);
        if (!w.find() || !body.find()) return 0;
        return newlines(sql.substring(0, body.start())) + Integer.parseInt(w.group(1)) - 1;
    }

    private static int newlines(String s) {
        return (int) s.chars().filter(ch -> ch == '\n').count();
    }
}
