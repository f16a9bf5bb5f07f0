package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE TYPE outside a DO guard. */
public final class UnguardedCreateType extends BaseRule {

    public UnguardedCreateType() {
        super("unguarded-create-type", Severity.WARNING,
                "CREATE TYPE has no IF NOT EXISTS, so rerunning the file fails. Warning: the house style makes migrations re-runnable.",
                "wrap it: DO $$ BEGIN CREATE TYPE ...; EXCEPTION WHEN duplicate_object THEN null; END $$");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (s.startsWith("CREATE TYPE") && !s.guarded()) report.at(s, "CREATE TYPE outside a duplicate_object guard");
        }
    }
}
