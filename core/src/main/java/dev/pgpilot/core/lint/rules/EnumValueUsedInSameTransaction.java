package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Enum value added and used in the same transactional file. */
public final class EnumValueUsedInSameTransaction extends BaseRule {
    private static final Pattern ADD = Sql.p("^ALTER\\s+TYPE\\s+" + Sql.NAME + "\\s+ADD\\s+VALUE\\s+(?:IF NOT EXISTS\\s+)?'((?:[^']|'')*)'");
    public EnumValueUsedInSameTransaction() {
        super("enum-value-used-in-same-transaction", Severity.ERROR,
                "A value added with ALTER TYPE ... ADD VALUE cannot be used in the same transaction (unsafe use of new value), and each migration runs in one transaction, so the file fails for sure. Error.",
                "add the enum value in one migration and use it in the next");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (!file.isTransactional()) return;
        java.util.Set<String> added = new java.util.HashSet<>();
        for (Stmt s : file.statements()) {
            Matcher m = ADD.matcher(s.norm());
            if (m.lookingAt()) {
                added.add(m.group(1));
                continue;
            }
            for (String v : added) {
                if (s.norm().contains("'" + v + "'")) {
                    report.at(s, "enum value '" + v + "' is used in the transaction that adds it");
                    break;
                }
            }
        }
    }
}
