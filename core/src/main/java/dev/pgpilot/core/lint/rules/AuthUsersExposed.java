package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** View in an exposed schema over auth.users. */
public final class AuthUsersExposed extends BaseRule {
    private static final Pattern VIEW = StatementText.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:MATERIALIZED\\s+)?VIEW\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")");
    public AuthUsersExposed() {
        super("auth-users-exposed", Severity.WARNING,
                "A view or materialized view in an exposed schema that reads auth.users can leak every user's email and metadata through the API. Warning (splinter says error): grants may be revoked.",
                "move the view to a private schema, or select only safe columns from your own profiles table");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = VIEW.matcher(s.norm());
            if (m.lookingAt() && LintedFile.EXPOSED_SCHEMAS.contains(StatementText.schemaOf(StatementText.qualified(m.group(1))))
                    && s.norm().matches("(?s).*\\bAUTH\\s*\\.\\s*USERS\\b.*")) {
                report.at(s, "view " + StatementText.qualified(m.group(1)) + " exposes auth.users through the API");
            }
        }
    }
}
