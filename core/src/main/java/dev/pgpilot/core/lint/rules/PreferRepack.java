package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** VACUUM FULL, CLUSTER, REINDEX without CONCURRENTLY. */
public final class PreferRepack extends BaseRule {

    public PreferRepack() {
        super("prefer-repack", Severity.WARNING,
                "VACUUM FULL, CLUSTER and REINDEX without CONCURRENTLY rewrite the table or index under an ACCESS EXCLUSIVE lock for the whole run. Warning.",
                "use pg_repack, or REINDEX CONCURRENTLY in a migration of its own");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            String n = s.norm();
            if ((n.startsWith("VACUUM") && n.contains("FULL")) || n.startsWith("CLUSTER") || (n.startsWith("REINDEX") && !n.contains("CONCURRENTLY"))) {
                report.at(s, s.sql().firstWords(1) + " holds an exclusive lock for the whole rewrite");
            }
        }
    }
}
