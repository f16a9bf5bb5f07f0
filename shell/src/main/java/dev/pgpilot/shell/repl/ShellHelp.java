package dev.pgpilot.shell.repl;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Help for what only the shell understands: its own words, meta-commands and plain English. */
final class ShellHelp {
    /** Each shell word with its help text; {@code help WORD} shows one, {@code help} lists them all. */
    static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("apply", """
                apply            run the migration the last request in this session wrote, and every pending one before it:
                                 shows each file that will run with its SQL, checks lint first (a refusal comes before
                                 any question), then asks (on a protected environment: type its name)""");
        WORDS.put("clear", "clear            clear the screen (^L does it too)");
        WORDS.put("exit", "exit, quit, ^D   leave the shell");
        WORDS.put("quit", WORDS.get("exit"));
    }

    private ShellHelp() {}

    /** The part of {@code help} that is about the shell, after the command list. */
    static void summary(PrintWriter out) {
        out.println();
        out.println("In the shell:");
        out.println("  anything that is not a command is a plain-English request, e.g.  add a notes column to events");
        out.println("    (it is planned and shown with its lint findings; nothing is written unless you answer y)");
        out.println("  " + WORDS.get("apply").replace("\n", "\n  "));
        out.println("  sql QUERY        run one read-only query on the target (\\d, \\dt, \\d TABLE list and describe tables)");
        out.println("  " + WORDS.get("clear"));
        out.println("  " + WORDS.get("exit") + "; ^C clears the line or cancels a running up; ^R searches the history");
    }

    /** {@code help apply} and the like; false when the word is not one of the shell's. */
    static boolean word(String word, PrintWriter out) {
        String text = WORDS.get(word);
        if (text == null) {
            return false;
        }
        out.println(text);
        return true;
    }
}
