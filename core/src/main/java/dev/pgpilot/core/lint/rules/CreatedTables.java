package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CREATE TABLE statements of a file, each with the table as it stands at the end of the file. */
record CreatedTables(LintedStatement statement, String name, SchemaModel.Table table) {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")\\s*\\(");

    static List<CreatedTables> in(LintedFile file) {
        List<CreatedTables> out = new ArrayList<>();
        for (LintedStatement s : file.statements()) {
            Matcher m = CREATE.matcher(s.norm());
            if (!m.lookingAt() || s.norm().contains(" PARTITION OF ")) continue;
            String name = StatementText.qualified(m.group(1));
            SchemaModel.Table t = file.after().table(name);
            if (t != null) out.add(new CreatedTables(s, name, t));
        }
        return out;
    }
}
