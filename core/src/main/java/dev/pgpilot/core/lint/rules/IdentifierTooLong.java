package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifier longer than 63 bytes. */
public final class IdentifierTooLong extends BaseRule {
    public IdentifierTooLong() {
        super("identifier-too-long", Severity.ERROR,
                "PostgreSQL silently truncates identifiers to 63 bytes, so the object gets a different name than the one written: two names that share their first 63 bytes collide, and tools that compare names (diffs, generated types) see another name. Error. Policy names are exempt: truncated alike everywhere and referred to by no other object.",
                "shorten the name to at most 63 bytes");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            String id = firstLongIdentifier(s.norm()) == null ? null : firstLongIdentifier(withoutPolicyName(outsideBodiesAndStrings(s.norm())));
            if (id != null) {
                int bytes = id.getBytes(StandardCharsets.UTF_8).length;
                report.at(s, "identifier " + id.substring(0, Math.min(20, id.length())).toLowerCase(java.util.Locale.ROOT) + "... is " + bytes + " bytes; PostgreSQL truncates it to 63");
            }
        }
    }

    /**
     * The statement without function bodies and string literals. A body keeps its comments (a stray
     * apostrophe or double quote there pairs with the next one), so read as words it yields long
     * "identifiers" out of tokens and sentences; the names a body's DO-block statements create are
     * checked on those statements themselves.
     */
    private static String outsideBodiesAndStrings(String norm) {
        return StatementText.withoutStrings(StatementText.withoutDollarBodies(norm));
    }

    private static final java.util.regex.Pattern POLICY_NAME = StatementText.p("^((?:CREATE|ALTER|DROP) POLICY (?:IF EXISTS )?)" + StatementText.IDENT);

    /**
     * A policy's name is exempt: PostgreSQL truncates it the same way in every statement, and no other
     * object refers to a policy by name, so a long one (common in Supabase projects, written as a
     * sentence) does no harm.
     */
    private static String withoutPolicyName(String norm) {
        if (!norm.contains("POLICY")) return norm;
        return POLICY_NAME.matcher(norm).replaceFirst("$1P");
    }

    private static boolean wordChar(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                : Character.isLetterOrDigit(c);
    }

    /** One pass over the text: bare words and "quoted" names. */
    private static String firstLongIdentifier(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start;
            int end;
            if (c == '"') {
                start = i + 1;
                end = text.indexOf('"', start);
                if (end < 0) return null;
                i = end + 1;
            } else if (wordChar(c)) {
                start = i;
                while (i < text.length() && wordChar(text.charAt(i))) i++;
                end = i;
            } else {
                i++;
                continue;
            }
            if (end - start > 15 && text.substring(start, end).getBytes(StandardCharsets.UTF_8).length > 63) {
                return text.substring(start, end);
            }
        }
        return null;
    }
}
