package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first statement of a file that takes a heavy lock on a table that existed before the file,
 * when no {@code SET lock_timeout} (or {@code set_config('lock_timeout', ...)}) came before it.
 * One finding per file: one SET at the top fixes every statement after it.
 */
public final class RequireLockTimeout extends BaseRule {
    private static final Pattern SET = Sql.p("^SET\\s+(?:LOCAL\\s+|SESSION\\s+)?LOCK_TIMEOUT\\b");
    private static final Pattern SET_CONFIG = Pattern.compile("set_config\\s*\\(\\s*'lock_timeout'", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISABLED = Sql.p("(?:=|\\bTO)\\s*(?:0|'0'|DEFAULT)\\s*$");
    private static final String ON = "\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?(" + Sql.NAME + ")";
    /** Statements locking one table, table name in group 1. */
    private static final Pattern[] TABLE_LOCKS = {
        Sql.p("^ALTER\\s+TABLE" + ON),
        Sql.p("^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY)(?:IF NOT EXISTS\\s+)?(?:" + Sql.NAME + "\\s+)?ON" + ON),
        Sql.p("^DROP\\s+TABLE" + ON),
        Sql.p("^TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(" + Sql.NAME + ")"),
        Sql.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+" + Sql.IDENT + "\\s+.*?\\bON" + ON),
        Sql.p("^DROP\\s+TRIGGER\\s+(?:IF EXISTS\\s+)?" + Sql.IDENT + "\\s+ON" + ON),
        Sql.p("^(?:CREATE|ALTER|DROP)\\s+POLICY\\s+(?:IF EXISTS\\s+)?" + Sql.IDENT + "\\s+ON" + ON),
        Sql.p("^LOCK\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(" + Sql.NAME + ")"),
        Sql.p("^CLUSTER\\s+(?:VERBOSE\\s+)?(" + Sql.NAME + ")"),
        Sql.p("^VACUUM\\s+(?:\\(.*?\\)\\s*|FULL\\s+)(?:VERBOSE\\s+)?(" + Sql.NAME + ")"),
        Sql.p("^REINDEX\\s+TABLE\\s+(?!CONCURRENTLY)(" + Sql.NAME + ")"),
    };
    private static final Pattern DROP_INDEX = Sql.p("^DROP\\s+INDEX\\s+(?!CONCURRENTLY)(?:IF EXISTS\\s+)?(" + Sql.NAME + ")");

    public RequireLockTimeout() {
        super("require-lock-timeout", Severity.WARNING,
                "A statement that waits for a heavy table lock (ALTER TABLE, CREATE INDEX without CONCURRENTLY, DROP, TRUNCATE, triggers, policies) queues behind any long "
                        + "transaction, and every later query on that table queues behind it: the API stalls until the migration gets its lock. lock_timeout makes it fail fast instead. "
                        + "Warning, not error: pgpilot's own applier already sets lock_timeout (pgpilot.yaml lock_timeout) for every migration it runs; the SET matters when the file "
                        + "is run by another tool (supabase db push, psql). Tables created earlier in the same file are not checked.",
                "start the file with SET lock_timeout = '5s'; (or SET LOCAL inside the migration's transaction)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (Stmt s : file.statements()) {
            if (setsLockTimeout(s)) return;
            String table = lockedTable(file, s);
            if (table != null) {
                report.at(s, s.sql().firstWords(2).toUpperCase(Locale.ROOT) + " locks existing table " + table + " with no SET lock_timeout before it");
                return;
            }
        }
    }

    static boolean setsLockTimeout(Stmt s) {
        if (SET.matcher(s.norm()).lookingAt()) return !DISABLED.matcher(s.norm()).find();
        return s.norm().indexOf('(') > 0 && SET_CONFIG.matcher(s.norm()).find();
    }

    /** The existing table a statement locks heavily, or null. */
    private static String lockedTable(LintedFile file, Stmt s) {
        String n = s.norm();
        char c = n.isEmpty() ? ' ' : n.charAt(0);
        if ("ACDTLRV".indexOf(c) < 0) return null;
        for (Pattern p : TABLE_LOCKS) {
            Matcher m = p.matcher(n);
            if (m.lookingAt()) {
                String t = Sql.qualified(m.group(1));
                return file.isExistingTable(t, s) ? t : null;
            }
        }
        Matcher d = DROP_INDEX.matcher(n);
        if (d.lookingAt()) {
            String t = file.tableOfIndexBefore(Sql.qualified(d.group(1)));
            return t != null && file.isExistingTable(t, s) ? t : null;
        }
        return null;
    }
}
