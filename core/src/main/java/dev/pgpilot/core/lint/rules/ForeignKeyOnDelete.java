package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Foreign key without an explicit ON DELETE. */
public final class ForeignKeyOnDelete extends BaseRule {
    private static final Pattern REF = StatementText.p("REFERENCES\\s+" + StatementText.NAME + "\\s*(?:\\([^)]*\\))?((?:\\s+(?:ON\\s+(?:DELETE|UPDATE)\\s+(?:NO\\s+ACTION|SET\\s+NULL|SET\\s+DEFAULT|CASCADE|RESTRICT)|MATCH\\s+\\w+|DEFERRABLE|NOT\\s+DEFERRABLE|INITIALLY\\s+\\w+|NOT\\s+VALID))*)");
    public ForeignKeyOnDelete() {
        super("foreign-key-on-delete", Severity.INFO,
                "Without ON DELETE the default NO ACTION makes deleting the parent fail; saying CASCADE, SET NULL or RESTRICT records the decision. Info.",
                "add ON DELETE CASCADE | SET NULL | RESTRICT to the reference");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (!s.norm().contains("REFERENCES")) continue;
            String n = StatementText.withoutStrings(s.norm());
            if (!(n.startsWith("CREATE TABLE") || n.startsWith("ALTER TABLE")) || !n.contains("REFERENCES")) continue;
            int missing = 0;
            Matcher m = REF.matcher(n);
            while (m.find()) {
                if (!m.group(1).contains("ON DELETE")) missing++;
            }
            if (missing > 0) report.at(s, missing + " foreign key" + (missing > 1 ? "s" : "") + " without an explicit ON DELETE");
        }
    }
}
