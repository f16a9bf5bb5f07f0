package dev.pgpilot.core.lint;

import dev.pgpilot.core.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys added inside a DO block (the usual "add the constraint unless pg_constraint has it" guard).
 * Conservative: only plain ALTER TABLE statements that add a primary or foreign key are read;
 * dynamic SQL (EXECUTE '...') is not, since its text is a string built at run time.
 */
public final class DoBlockKeys {
    private DoBlockKeys() {}

    /** ALTER TABLE at the start of a plain PL/pgSQL statement (not inside an EXECUTE string). */
    private static final Pattern ALTER_TABLE = Pattern.compile("(?:;|\\bTHEN|\\bBEGIN|\\bELSE|\\bLOOP)\\s+(ALTER\\s+TABLE\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE = Sql.p("^ALTER\\s+TABLE\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?(" + Sql.NAME + ")");

    /** The normalized key-adding ALTER TABLE statements of a normalized DO statement. */
    public static List<String> statements(String doNorm) {
        List<String> out = new ArrayList<>();
        Matcher a = ALTER_TABLE.matcher(doNorm);
        while (a.find()) {
            var inner = SqlScript.parse(doNorm.substring(a.start(1))).statements();
            if (inner.isEmpty()) continue;
            String stmt = inner.get(0).normalized();
            if (stmt.contains(" ADD ") && (stmt.contains("PRIMARY KEY") || stmt.contains("FOREIGN KEY"))) out.add(stmt);
        }
        return out;
    }

    /** The first table a DO statement adds a foreign key to, or null. */
    public static String foreignKeyTable(String doNorm) {
        for (String s : statements(doNorm)) {
            Matcher m = TABLE.matcher(s);
            if (s.contains("REFERENCES") && m.lookingAt()) return Sql.qualified(m.group(1));
        }
        return null;
    }
}
