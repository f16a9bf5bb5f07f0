package dev.pgpilot.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;

/** How the shell splits a line: apostrophes inside words are letters, quotes at a word's start still group words. */
class ReplParserTest {
    private static List<String> words(String line) {
        return new ReplParser().parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words();
    }

    @Test
    void englishWithApostrophesIsACompleteLine() {
        // an open quote would throw EOFError here: the reader's signal for a continuation prompt
        assertEquals(List.of("we", "don't", "need", "tasks.done"), words("we don't need tasks.done"));
        assertEquals(List.of("hide", "the", "users'", "emails"), words("hide the users' emails"));
        assertEquals(List.of("it's", "Ann's", "table"), words("it's Ann's table"));
        words("sql select 'it''s fine' as said, 'the users'' emails' as also");
    }

    @Test
    void quotesAtTheStartOfAWordStillGroupWords() {
        assertEquals(List.of("new", "--empty", "add_notes"), words("new --empty \"add_notes\""));
        assertEquals(List.of("new", "add notes to events"), words("new 'add notes to events'"));
        assertEquals(List.of("new", "--empty='a b'"), words("new --empty='a b'"), "after = a quote groups too (JLine keeps it in the word)");
    }
}
