package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import dev.pgpilot.core.sql.PlainTransactionControl;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Enum value added and used in the same transaction: the same file, or the same block of a file that commits by itself. */
public final class EnumValueUsedInSameTransaction extends BaseRule {
    private static final Pattern ADD = StatementText.p("^ALTER\\s+TYPE\\s+(" + StatementText.NAME + ")\\s+ADD\\s+VALUE\\s+(?:IF NOT EXISTS\\s+)?" + StatementText.LITERAL);
    private static final Pattern TARGET = StatementText.p("^(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:ONLY\\s+)?(" + StatementText.NAME + ")");

    public EnumValueUsedInSameTransaction() {
        super("enum-value-used-in-same-transaction", Severity.ERROR,
                "A value added with ALTER TYPE ... ADD VALUE cannot be used in the same transaction (unsafe use of new value), and each migration runs in one transaction, so the file fails for sure. Error.",
                "add the enum value in one migration and use it in the next");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (!file.isTransactional()) return;
        java.util.Map<String, String> added = new java.util.LinkedHashMap<>(); // value -> enum type (bare, upper-case)
        boolean ownTransactions = file.managesOwnTransactions();
        for (LintedStatement s : file.statements()) {
            if (ownTransactions && !s.inDoBlock() && s.isTransactionControl() && PlainTransactionControl.endsTransaction(s.norm())) {
                added.clear(); // the file's own COMMIT: the values are committed, later statements may use them
                continue;
            }
            Matcher m = ADD.matcher(s.norm());
            if (m.lookingAt()) {
                String type = StatementText.qualified(m.group(1));
                added.put(m.group(2), type.substring(type.indexOf('.') + 1).toUpperCase(java.util.Locale.ROOT));
                continue;
            }
            for (var e : added.entrySet()) {
                if (s.norm().contains("'" + e.getKey() + "'") && usesType(file, s, e.getValue())) {
                    report.at(s, "enum value '" + e.getKey() + "' is used in the transaction that adds it");
                    break;
                }
            }
        }
    }

    /**
     * The literal is only a problem where it is read as the enum: a statement naming the type (a
     * cast, a column definition) or writing a table that has a column of that type. A text column
     * holding the same word (e.g. a currency code) is fine.
     */
    private static boolean usesType(LintedFile file, LintedStatement s, String bareType) {
        if (s.norm().contains(bareType)) return true;
        Matcher t = TARGET.matcher(s.norm());
        if (!t.lookingAt()) return false;
        SchemaModel.Table table = file.after().table(StatementText.qualified(t.group(1)));
        String lower = bareType.toLowerCase(java.util.Locale.ROOT);
        return table != null && table.columns.values().stream().anyMatch(c -> c.type().equals(lower) || c.type().endsWith("." + lower));
    }
}
