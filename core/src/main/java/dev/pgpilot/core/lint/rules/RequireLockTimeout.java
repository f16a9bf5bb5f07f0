package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first statement of a file that takes a heavy lock on a table that existed before the file,
 * when no {@code SET lock_timeout} (or {@code set_config('lock_timeout', ...)}) came before it.
 * One finding per file: one SET at the top fixes every statement after it.
 */
public final class RequireLockTimeout extends BaseRule {
    private static final Pattern SET = StatementText.p("^SET\\s+(?:LOCAL\\s+|SESSION\\s+)?LOCK_TIMEOUT\\b");
    private static final Pattern SET_CONFIG = Pattern.compile("set_config\\s*\\(\\s*'lock_timeout'", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISABLED = StatementText.p("(?:=|\\bTO)\\s*(?:0|'0'|DEFAULT)\\s*$");
    private static final String ON = "\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?(" + StatementText.NAME + ")";
    /** Statements locking one table, table name in group 1, each behind the prefix its text must start with (a cheap test first). */
    private static final String[] PREFIXES = {"ALTER TABLE", "CREATE UNIQUE", "CREATE INDEX", "DROP TABLE", "TRUNCATE", "CREATE TRIGGER",
        "CREATE OR REPLACE TRIGGER", "CREATE CONSTRAINT", "DROP TRIGGER", "CREATE POLICY", "ALTER POLICY", "DROP POLICY", "LOCK", "CLUSTER", "VACUUM", "REINDEX"};
    private static final Pattern[] TABLE_LOCKS = {
        StatementText.p("^ALTER\\s+TABLE" + ON),
        StatementText.p("^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY)(?:IF NOT EXISTS\\s+)?(?:" + StatementText.NAME + "\\s+)?ON" + ON),
        StatementText.p("^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY)(?:IF NOT EXISTS\\s+)?(?:" + StatementText.NAME + "\\s+)?ON" + ON),
        StatementText.p("^DROP\\s+TABLE" + ON),
        StatementText.p("^TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(" + StatementText.NAME + ")"),
        StatementText.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+" + StatementText.IDENT + "\\s+.*?\\bON" + ON),
        StatementText.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+" + StatementText.IDENT + "\\s+.*?\\bON" + ON),
        StatementText.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+" + StatementText.IDENT + "\\s+.*?\\bON" + ON),
        StatementText.p("^DROP\\s+TRIGGER\\s+(?:IF EXISTS\\s+)?" + StatementText.IDENT + "\\s+ON" + ON),
        StatementText.p("^(?:CREATE|ALTER|DROP)\\s+POLICY\\s+(?:IF EXISTS\\s+)?" + StatementText.IDENT + "\\s+ON" + ON),
        StatementText.p("^(?:CREATE|ALTER|DROP)\\s+POLICY\\s+(?:IF EXISTS\\s+)?" + StatementText.IDENT + "\\s+ON" + ON),
        StatementText.p("^(?:CREATE|ALTER|DROP)\\s+POLICY\\s+(?:IF EXISTS\\s+)?" + StatementText.IDENT + "\\s+ON" + ON),
        StatementText.p("^LOCK\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(" + StatementText.NAME + ")"),
        StatementText.p("^CLUSTER\\s+(?:VERBOSE\\s+)?(" + StatementText.NAME + ")"),
        StatementText.p("^VACUUM\\s+(?:\\(.*?\\)\\s*|FULL\\s+)(?:VERBOSE\\s+)?(" + StatementText.NAME + ")"),
        StatementText.p("^REINDEX\\s+TABLE\\s+(?!CONCURRENTLY)(" + StatementText.NAME + ")"),
    };
    /** A foreign key takes a SHARE ROW EXCLUSIVE lock on the table it references, even from a new table. */
    private static final Pattern REFERENCES = StatementText.p("\\bREFERENCES\\s+(" + StatementText.NAME + ")");
    /** Tables Supabase creates before any migration runs, so the model never sees them created; the API reads them all the time. */
    private static final java.util.Set<String> PLATFORM_TABLES = java.util.Set.of("auth.users", "auth.identities", "storage.objects", "storage.buckets");
    private static final Pattern DROP_INDEX = StatementText.p("^DROP\\s+INDEX\\s+(?!CONCURRENTLY)(?:IF EXISTS\\s+)?(" + StatementText.NAME + ")");

    public RequireLockTimeout() {
        super("require-lock-timeout", Severity.WARNING,
                "A statement that waits for a heavy table lock (ALTER TABLE, CREATE INDEX without CONCURRENTLY, DROP, TRUNCATE, triggers, policies) queues behind any long "
                        + "transaction, and every later query on that table queues behind it: the API stalls until the migration gets its lock. lock_timeout makes it fail fast instead. "
                        + "Warning, not error: pgpilot's own applier already sets lock_timeout (pgpilot.yaml lock_timeout) for every migration it runs; the SET matters when the file "
                        + "is run by another tool (supabase db push, psql). Supabase's own tables (auth.users, storage.objects, storage.buckets) always exist; a CREATE TABLE "
                        + "whose foreign key REFERENCES an existing table locks that table too. Tables created earlier in the same file are not checked.",
                "start the file with SET lock_timeout = '5s'; (or SET LOCAL inside the migration's transaction)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (setsLockTimeout(s)) return;
            String table = lockedTable(file, s);
            if (table != null) {
                report.at(s, firstWords(s.norm()) + " locks existing table " + table + " with no SET lock_timeout before it");
                return;
            }
        }
    }

    /** The statement's first two words (the normalized text is already upper-cased and single-spaced). */
    private static String firstWords(String norm) {
        int first = norm.indexOf(' ');
        int second = first < 0 ? -1 : norm.indexOf(' ', first + 1);
        return second < 0 ? norm : norm.substring(0, second);
    }

    static boolean setsLockTimeout(LintedStatement s) {
        String n = s.norm();
        if (n.startsWith("SET")) return SET.matcher(n).lookingAt() && !DISABLED.matcher(n).find();
        return (n.startsWith("SELECT") || n.startsWith("DO")) && n.toLowerCase(java.util.Locale.ROOT).contains("lock_timeout") && SET_CONFIG.matcher(n).find();
    }

    /** VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE, which reads and writes pass (queued or not): it is the point of NOT VALID. */
    private static final Pattern ONLY_VALIDATE = StatementText.p("^ALTER\\s+TABLE" + ON + "\\s+VALIDATE\\s+CONSTRAINT\\s+" + StatementText.IDENT + "$");

    /** The existing table a statement locks heavily, or null. */
    private static String lockedTable(LintedFile file, LintedStatement s) {
        String n = s.norm();
        if (n.startsWith("ALTER TABLE") && ONLY_VALIDATE.matcher(n).matches()) return null;
        for (int i = 0; i < PREFIXES.length; i++) {
            if (!n.startsWith(PREFIXES[i])) continue;
            Matcher m = TABLE_LOCKS[i].matcher(n);
            if (m.lookingAt()) {
                String t = StatementText.qualified(m.group(1));
                return existing(file, t, s) ? t : null;
            }
        }
        if (n.startsWith("CREATE TABLE")) {
            Matcher r = REFERENCES.matcher(n);
            while (r.find()) {
                String t = StatementText.qualified(r.group(1));
                if (existing(file, t, s)) return t;
            }
        }
        Matcher d = DROP_INDEX.matcher(n);
        if (n.startsWith("DROP INDEX") && d.lookingAt()) {
            String t = file.tableOfIndexBefore(StatementText.qualified(d.group(1)));
            return t != null && existing(file, t, s) ? t : null;
        }
        return null;
    }

    private static boolean existing(LintedFile file, String table, LintedStatement s) {
        return PLATFORM_TABLES.contains(table) || file.isExistingTable(table, s);
    }
}
