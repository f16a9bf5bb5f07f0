package dev.pgpilot.shell;

import dev.pgpilot.core.PilotException;
import java.io.Console;

/**
 * Asks the user before anything changes a database. Outside the REPL it reads the console; the
 * REPL installs one that reads through JLine. Without a terminal and without {@code --yes} every
 * question is a refusal (exit 1), so scripts never hang waiting for an answer.
 */
public interface Prompter {

    /** Returns the answer line, or null when there is nobody to ask. */
    String ask(String question);

    /** The prompter in force for this thread (the REPL replaces it while it runs). */
    static Prompter current() {
        Prompter p = Holder.CURRENT.get();
        return p != null ? p : Holder.CONSOLE;
    }

    static void install(Prompter p) {
        Holder.CURRENT.set(p);
    }

    /**
     * Yes/no question; default no. {@code --yes} answers yes without asking; no terminal and no
     * {@code --yes} refuses with exit 1 naming what was not done.
     */
    static boolean confirm(GlobalOptions global, String question, String whatIsRefused) {
        if (global.yes) {
            return true;
        }
        String answer = current().ask(question + " [y/N] ");
        if (answer == null) {
            throw PilotException.refused(whatIsRefused + ": no terminal to confirm on", "pass --yes to confirm");
        }
        String a = answer.trim().toLowerCase(java.util.Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    /** For protected environments: the user must type the environment's name. */
    static boolean confirmByTyping(GlobalOptions global, String question, String expected, String whatIsRefused) {
        String answer = current().ask(question + " Type '" + expected + "' to continue: ");
        if (answer == null) {
            if (global.yes) {
                return true;
            }
            throw PilotException.refused(whatIsRefused + ": no terminal to confirm on", "pass --yes to confirm");
        }
        return answer.trim().equals(expected);
    }

    final class Holder {
        private static final ThreadLocal<Prompter> CURRENT = new ThreadLocal<>();
        private static final Prompter CONSOLE = question -> {
            Console c = System.console();
            return c == null ? null : c.readLine("%s", question);
        };

        private Holder() {}
    }
}
