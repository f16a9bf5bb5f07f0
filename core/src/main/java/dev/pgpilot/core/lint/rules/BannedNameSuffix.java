package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Banned suffixes (_v2, _new, _old, _tmp, ...) in file and object names. */
public final class BannedNameSuffix extends BaseRule {
    static final Pattern SUFFIX = Pattern.compile("_(v\\d+|new|old|enhanced|improved|better|optimized|simplified|modern|updated|modified|refactored|temp|tmp|draft|test|backup|copy)$");
    private static final Pattern CREATED = StatementText.p("^(?:CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:UNIQUE\\s+)?(?:UNLOGGED\\s+)?(?:MATERIALIZED\\s+)?(?:TABLE|VIEW|FUNCTION|INDEX|TYPE)\\s+(?:CONCURRENTLY\\s+)?(?:IF NOT EXISTS\\s+)?|ALTER\\s+TABLE\\s+(?:IF EXISTS\\s+)?" + StatementText.NAME + "\\s+ADD\\s+(?:COLUMN\\s+)?(?:IF NOT EXISTS\\s+)?)(" + StatementText.NAME + ")");
    public BannedNameSuffix() {
        super("banned-name-suffix", Severity.WARNING,
                "Names like orders_v2, users_new or report_tmp describe history, not meaning; they pile up and nobody knows which copy is live. Checked on file names and on created tables, columns, views, functions and indexes. Warning.",
                "name the thing for what it is; let the migration history record versions");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        String fname = java.nio.file.Path.of(file.fileName()).getFileName().toString().replaceFirst("(\\.down)?\\.sql$", "");
        Matcher f = SUFFIX.matcher(fname);
        if (f.find()) report.atFile(1, "file name ends with banned suffix " + f.group());
        for (LintedStatement s : file.statements()) {
            if (!s.startsWith("CREATE") && !s.startsWith("ALTER")) continue;
            Matcher m = CREATED.matcher(s.norm());
            if (m.lookingAt()) {
                String q = StatementText.qualified(m.group(1));
                String bare = q.substring(q.indexOf(46) + 1);
                Matcher b = SUFFIX.matcher(bare);
                if (b.find()) report.at(s, "name " + bare + " ends with banned suffix " + b.group());
            }
        }
    }
}
