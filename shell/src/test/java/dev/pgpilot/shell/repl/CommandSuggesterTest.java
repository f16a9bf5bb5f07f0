package dev.pgpilot.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandSuggesterTest {
    private final CommandSuggester suggester = new CommandSuggester(
            List.of("init", "new", "lint", "status", "up", "down", "history", "repair", "diff", "db", "shell", "help"));

    @Test
    void swappedLettersInALongWordSuggestTheCommand() {
        assertEquals(Optional.of("status"), suggester.suggest(List.of("stauts")));
        assertEquals(Optional.of("history"), suggester.suggest(List.of("histroy", "--json")));
    }

    @Test
    void shortWordsAllowOnlyOneEdit() {
        assertEquals(Optional.of("init"), suggester.suggest(List.of("inti")));
        assertEquals(Optional.empty(), suggester.suggest(List.of("drop")));
    }

    @Test
    void severalPlainWordsAreARequestNotATypo() {
        assertEquals(Optional.empty(), suggester.suggest(List.of("list", "all", "tables")));
        assertEquals(Optional.empty(), suggester.suggest(List.of("add", "notes", "to", "events")));
    }

    @Test
    void wordsShorterThanThreeLettersAreNeverCorrected() {
        assertEquals(Optional.empty(), suggester.suggest(List.of("dn")));
    }
}
