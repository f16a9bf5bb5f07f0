package dev.pgpilot.core.lint.run;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code -- pgpilot:ignore RULE[,RULE] reason} in the comments right before a
 * statement silences those rules on that statement; {@code -- pgpilot:ignore-file RULE[,RULE]}
 * anywhere silences them for the whole file. Each ignore remembers whether it silenced anything,
 * so a stale one can be reported.
 */
final class Suppressions {
    /** One rule id named by one ignore comment. */
    static final class Ignore {
        final String ruleId;
        final int statementIndex; // -1 for ignore-file
        final int line;
        final int column;
        boolean used;

        Ignore(String ruleId, int statementIndex, int line, int column) {
            this.ruleId = ruleId;
            this.statementIndex = statementIndex;
            this.line = line;
            this.column = column;
        }
    }

    private static final Pattern NEXT = Pattern.compile("--\\s*pgpilot:ignore(?!-)\\s+([A-Za-z0-9_,\\-]+(?:\\s*,\\s*[A-Za-z0-9_\\-]+)*)");
    private static final Pattern FILE = Pattern.compile("--\\s*pgpilot:ignore-file\\s+([A-Za-z0-9_,\\-]+(?:\\s*,\\s*[A-Za-z0-9_\\-]+)*)");

    final List<Ignore> ignores = new ArrayList<>();

    Suppressions(LintedFile file) {
        for (LintedStatement s : file.statements()) {
            String leading = s.sql().leading();
            int base = s.sql().startOffset() - leading.length();
            Matcher m = NEXT.matcher(leading);
            while (m.find()) add(file, m, base, s.index());
        }
        Matcher m = FILE.matcher(file.text());
        while (m.find()) add(file, m, 0, -1);
    }

    private void add(LintedFile file, Matcher m, int base, int statementIndex) {
        int offset = base + m.start();
        int line = file.lineOf(offset);
        int column = offset - lineStartOf(file, line) + 1;
        for (String id : m.group(1).split("\\s*,\\s*")) {
            if (!id.isBlank()) ignores.add(new Ignore(id.trim(), statementIndex, line, column));
        }
    }

    private static int lineStartOf(LintedFile file, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) offset = file.text().indexOf('\n', offset) + 1;
        return offset;
    }

    /** True (and marks the ignore used) when a finding of this rule on this statement is silenced. */
    boolean suppresses(String ruleId, int statementIndex) {
        boolean hit = false;
        for (Ignore i : ignores) {
            if (i.ruleId.equals(ruleId) && (i.statementIndex == -1 || (statementIndex >= 0 && i.statementIndex == statementIndex))) {
                i.used = true;
                hit = true;
            }
        }
        return hit;
    }
}
