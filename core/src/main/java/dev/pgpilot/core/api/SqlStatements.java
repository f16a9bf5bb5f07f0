package dev.pgpilot.core.api;

import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import java.util.List;

/** A script's statements as the engine splits them (strings, dollar quotes and comments respected): what a reviewer is shown. */
public final class SqlStatements {
    private SqlStatements() {}

    public static List<String> of(String script) {
        return SqlScript.parse(script).statements().stream().map(SqlStatement::sql).toList();
    }
}
