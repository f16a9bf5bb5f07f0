package dev.pgpilot.shell.repl;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours SQL for printing: keywords bold blue, strings green, comments grey. */
public final class SqlHighlighter {
    private static final Set<String> KEYWORDS = Set.of(
            "select", "from", "where", "insert", "into", "values", "update", "set", "delete", "create", "alter",
            "drop", "table", "index", "concurrently", "if", "not", "exists", "add", "column", "constraint",
            "primary", "key", "foreign", "references", "on", "cascade", "default", "null", "unique", "check",
            "policy", "for", "to", "using", "with", "enable", "row", "level", "security", "grant", "revoke",
            "function", "returns", "language", "trigger", "begin", "commit", "rollback", "as", "and", "or",
            "type", "enum", "comment", "is", "do", "declare", "end", "schema", "view", "rename", "only");
    // comment | string (with '' escapes) | dollar-quoted body | word
    private static final Pattern TOKEN = Pattern.compile(
            "(--[^\\n]*|/\\*.*?\\*/)|('(?:[^']|'')*'?)|(\\$[A-Za-z_]*\\$.*?\\$[A-Za-z_]*\\$)|([A-Za-z_][A-Za-z_0-9]*)",
            Pattern.DOTALL);

    private SqlHighlighter() {}

    public static AttributedString highlight(String sql) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        Matcher m = TOKEN.matcher(sql);
        int last = 0;
        while (m.find()) {
            sb.append(sql, last, m.start());
            if (m.group(1) != null) {
                sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK), m.group());
            } else if (m.group(2) != null || m.group(3) != null) {
                sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), m.group());
            } else if (KEYWORDS.contains(m.group(4).toLowerCase(java.util.Locale.ROOT))) {
                sb.styled(AttributedStyle.BOLD.foreground(AttributedStyle.BLUE), m.group());
            } else {
                sb.append(m.group());
            }
            last = m.end();
        }
        sb.append(sql.substring(last));
        return sb.toAttributedString();
    }

    /** The SQL as text for the terminal: ANSI colours when {@code color}, the input unchanged otherwise. */
    public static String render(String sql, boolean color) {
        return color ? highlight(sql).toAnsi() : sql;
    }
}
