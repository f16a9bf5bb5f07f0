package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The lazily registered command table of {@link Main}. */
class MainTest {
    @Test
    void registeredNamesAreTheCommandsOwnNames() {
        for (var e : Main.COMMANDS.entrySet()) {
            CommandLine one = new CommandLine(e.getValue().get());
            assertEquals(e.getKey(), one.getCommandName(), "COMMANDS key for " + e.getValue().get().getClass());
        }
    }

    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        assertEquals(List.of("status"), List.copyOf(Main.commandsFor(new String[] {"status", "--json"})));
        assertEquals(List.copyOf(Main.COMMANDS.keySet()), List.copyOf(Main.commandsFor(new String[] {"help", "status"})));
        assertEquals(List.copyOf(Main.COMMANDS.keySet()), List.copyOf(Main.commandsFor(new String[] {"--help"})));
        assertEquals(List.copyOf(Main.COMMANDS.keySet()), List.copyOf(Main.commandsFor(new String[] {"statsu"})));
    }

    @Test
    void globalOptionsBeforeTheCommandNameMoveAfterIt() {
        assertEquals(List.of("status", "--workdir", "/p", "--json", "--db-url=x", "--yes"),
                List.of(Main.globalsAfterCommand(new String[] {"--workdir", "/p", "--json", "status", "--db-url=x", "--yes"})));
        assertEquals(List.of("lint", "--env", "prod", "--", "-odd.sql"),
                List.of(Main.globalsAfterCommand(new String[] {"--env", "prod", "lint", "--", "-odd.sql"})));
        assertEquals(List.of("--version"), List.of(Main.globalsAfterCommand(new String[] {"--version"})));
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"--workdir", "/nonexistent-pgpilot", "lint"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertTrue(!err.toString().contains("unknown option"), err.toString());
        // the moved --workdir is the one lint reads: it names that folder (and creates nothing there)
        assertTrue(err.toString().startsWith("error: /nonexistent-pgpilot does not exist"), err.toString());
        assertEquals(2, code, err.toString());
    }

    @Test
    void helpStillListsEveryCommand() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)));
        for (String name : Main.COMMANDS.keySet()) {
            assertTrue(out.toString().contains("\n  " + name + " "), name + " missing from:\n" + out);
        }
    }
}
