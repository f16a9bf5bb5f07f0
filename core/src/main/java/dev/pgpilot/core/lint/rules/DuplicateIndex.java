package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named CREATE INDEX whose definition (method, columns or expressions, INCLUDE, WHERE) equals an index
 * the table already has: from an earlier CREATE INDEX, a primary key or a unique constraint.
 */
public final class DuplicateIndex extends BaseRule {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF NOT EXISTS\\s+)?(" + StatementText.IDENT + "\\s+)?ON\\s+(?:ONLY\\s+)?(" + StatementText.NAME + ")");

    public DuplicateIndex() {
        super("duplicate-index", Severity.WARNING,
                "Two indexes with the same definition cost twice on every write and twice the disk, and the planner uses only one of them. "
                        + "A non-unique index equal to a unique one (or a primary key) is just as redundant. Warning, as in splinter.",
                "drop one of them (keep the unique one or the primary key)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (!s.startsWith("CREATE")) continue;
            Matcher m = CREATE.matcher(s.norm());
            if (!m.lookingAt()) continue;
            String table = StatementText.qualified(m.group(2));
            SchemaModel.Table t = file.after().table(table);
            if (t == null) continue;
            if (m.group(1) == null) continue; // unnamed: the model cannot tell it from a constraint's index
            String name = StatementText.ident(m.group(1).trim());
            int at = position(t.indexes, name);
            if (at < 0) continue;
            SchemaModel.Index index = t.indexes.get(at);
            if (index.definition() == null) continue;
            for (int i = 0; i < t.indexes.size(); i++) {
                SchemaModel.Index other = t.indexes.get(i);
                if (i < at && index.definition().equals(other.definition()) && (other.unique() || !index.unique())) {
                    String what = other.name() != null ? "index " + other.name() : "the primary key or unique constraint";
                    report.at(s, "index " + name + " duplicates " + what + " on " + table);
                    break;
                }
            }
        }
    }

    private static int position(List<SchemaModel.Index> indexes, String name) {
        for (int i = indexes.size() - 1; i >= 0; i--) {
            if (name.equals(indexes.get(i).name())) return i;
        }
        return -1;
    }
}
