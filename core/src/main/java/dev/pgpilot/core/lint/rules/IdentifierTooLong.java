package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifier longer than 63 bytes. */
public final class IdentifierTooLong extends BaseRule {
    private static final Pattern IDENT = Pattern.compile(Sql.IDENT);
    public IdentifierTooLong() {
        super("identifier-too-long", Severity.ERROR,
                "PostgreSQL silently truncates identifiers to 63 bytes, so the object gets a different name than the one written and later migrations that use the full name fail. Error.",
                "shorten the name to at most 63 bytes");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (Stmt s : file.statements()) {
            Matcher m = IDENT.matcher(Sql.withoutStrings(s.norm()));
            while (m.find()) {
                String id = Sql.ident(m.group());
                if (id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
                    report.at(s, "identifier " + id.substring(0, Math.min(20, id.length())) + "... is " + id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes; PostgreSQL truncates it to 63");
                    break;
                }
            }
        }
    }
}
