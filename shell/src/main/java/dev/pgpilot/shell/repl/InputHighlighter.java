package dev.pgpilot.shell.repl;

import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the line being typed: a known command word bold, options cyan, quoted text green. */
final class InputHighlighter implements Highlighter {
    private final Set<String> commands;

    InputHighlighter(Set<String> commands) {
        this.commands = commands;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        int i = 0;
        boolean first = true;
        while (i < buffer.length()) {
            char c = buffer.charAt(i);
            if (Character.isWhitespace(c)) {
                sb.append(c);
                i++;
                continue;
            }
            int end = i;
            if (c == '"' || c == '\'') {
                end = buffer.indexOf(c, i + 1);
                end = end < 0 ? buffer.length() : end + 1;
                sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), buffer.substring(i, end));
            } else {
                while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) end++;
                String word = buffer.substring(i, end);
                if (first && commands.contains(word)) {
                    sb.styled(AttributedStyle.BOLD, word);
                } else if (word.startsWith("-")) {
                    sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN), word);
                } else {
                    sb.append(word);
                }
            }
            first = false;
            i = end;
        }
        return sb.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {}

    @Override
    public void setErrorIndex(int errorIndex) {}
}
