package dev.pgpilot.shell.repl;

import java.util.BitSet;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's parser, except that a quote opens a quoted word only at the start of a word (after a
 * space, at the start of the line, or after {@code =} as in {@code --name='a b'}). English has
 * apostrophes inside words ("we don't need tasks.done", "the users' emails"): with a shell's rules
 * each one opened a quote and left the line at a {@code ...>} continuation prompt. Plain English and
 * {@code sql} get the line as typed, so SQL's {@code 'it''s'} reaches them whole.
 */
final class ReplParser extends DefaultParser {
    private String scanned;
    private BitSet quotes = new BitSet();

    ReplParser() {
        setEofOnUnclosedQuote(true);   // an open quote continues on the next line
        setEofOnEscapedNewLine(true);  // so does a line ending in a backslash
    }

    @Override
    public synchronized boolean isQuoteChar(CharSequence buffer, int pos) {
        String text = buffer.toString();
        if (!text.equals(scanned)) {
            quotes = realQuotes(text);
            scanned = text;
        }
        return quotes.get(pos) && super.isQuoteChar(buffer, pos);
    }

    /**
     * Positions of the quotes that open a quoted word, and of those that close one: as in JLine's
     * parser, the next same quote not escaped (in {@code 'it''s'} the quote closes after "it" and
     * the next apostrophe is inside a word: literal, never an open quote).
     */
    static BitSet realQuotes(String s) {
        BitSet real = new BitSet();
        char open = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++; // an escaped character is never a quote
            } else if (open == 0) {
                if ((c == '\'' || c == '"') && (i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '=')) {
                    open = c;
                    real.set(i);
                }
            } else if (c == open) {
                open = 0;
                real.set(i);
            }
        }
        return real;
    }
}
