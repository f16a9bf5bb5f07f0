package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;

/** A column declared (or retyped) as varchar(n). */
public final class PreferTextField extends ColumnTypeRule {
    public PreferTextField() {
        super("prefer-text-field", Severity.INFO,
                "varchar(n) is stored exactly like text; its only effect is the length limit, and raising that limit later means ALTER COLUMN TYPE on a live table. "
                        + "A CHECK (char_length(col) <= n) says the same and can be changed with NOT VALID. Info, not warning: a fixed limit is sometimes the intended contract.",
                "use text, with CHECK (char_length(col) <= n) when a limit is wanted",
                StatementText.p("^(?:VARCHAR|CHARACTER\\s+VARYING)\\s*\\("), "CHAR", "prefer text");
    }
}
