package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Pattern;

/**
 * A file whose top-level BEGIN/COMMIT/ROLLBACK manage its transactions (a COMMIT mid-file, several
 * blocks, ROLLBACK, SAVEPOINT). {@code up} runs it as written, as {@code supabase db push} does,
 * which is what such a file needs (a new enum value committed before it is used), so this is only
 * a warning: the file is not atomic, and a ROLLBACK in it undoes work while the file is recorded.
 */
public final class OwnTransactionControl extends BaseRule {
    private static final Pattern ROLLBACK = Pattern.compile("^(ROLLBACK|ABORT)\\b(?!\\s+(WORK\\s+|TRANSACTION\\s+)?TO\\b)(?!\\s+PREPARED)");

    public OwnTransactionControl() {
        super("own-transaction-control", Severity.WARNING,
                "pgpilot, like the Supabase CLI, runs a migration that controls its own transactions as written: it commits at"
                        + " each COMMIT, so when a later statement fails the part before stays applied and the file is not recorded;"
                        + " pgpilot cannot roll it back as a whole",
                "keep each migration one transaction (delete the BEGIN/COMMIT lines) unless a step must commit first,"
                        + " such as a new enum value used later: then put that step in a migration of its own");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (!file.managesOwnTransactions()) return;
        java.util.List<LintedStatement> control = file.topLevel().stream().filter(LintedStatement::isTransactionControl).toList();
        LintedStatement first = control.get(0);
        report.at(first, "the file manages its own transactions (" + control.size() + " transaction statement"
                + (control.size() == 1 ? "" : "s") + "): it is not applied all or nothing");
        for (LintedStatement s : control) {
            if (ROLLBACK.matcher(s.norm()).lookingAt()) {
                report.at(s, s.sql().firstWords(1) + " undoes the statements before it in its transaction, and the file is still recorded as applied");
            }
        }
    }
}
