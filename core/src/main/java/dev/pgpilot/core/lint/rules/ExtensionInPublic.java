package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE EXTENSION without a schema other than public. */
public final class ExtensionInPublic extends BaseRule {
    private static final Pattern EXT = Sql.p("^CREATE\\s+EXTENSION\\s+(?:IF NOT EXISTS\\s+)?(" + Sql.IDENT + ")");
    private static final Pattern SCHEMA = Sql.p("\\bSCHEMA\\s+(" + Sql.IDENT + ")");
    public ExtensionInPublic() {
        super("extension-in-public", Severity.WARNING,
                "An extension installed into public puts its functions and types in the API schema, where they are exposed and can collide with yours. Warning.",
                "CREATE EXTENSION ... WITH SCHEMA extensions");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (Stmt s : file.statements()) {
            Matcher m = EXT.matcher(s.norm());
            if (!m.lookingAt() || Sql.ident(m.group(1)).equals("plpgsql")) continue;
            Matcher schema = SCHEMA.matcher(s.norm());
            if (!schema.find() || Sql.ident(schema.group(1)).equals("public")) {
                report.at(s, "extension " + Sql.ident(m.group(1)) + " goes into public");
            }
        }
    }
}
