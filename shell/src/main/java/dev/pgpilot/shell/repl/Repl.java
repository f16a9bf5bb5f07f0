package dev.pgpilot.shell.repl;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import picocli.CommandLine;

/**
 * The read-eval-print loop. Each line is split into words (quotes respected) and run through the
 * same picocli command tree as the command line, with the shell's global options appended as
 * defaults. A line that is not a command is a plain-English request and runs as {@code new <line>},
 * unless its single word is a near miss of a command ("stauts"), which gets a suggestion instead.
 */
public final class Repl {
    /** Runs one command line in-process and returns its exit code; output goes to the terminal. */
    public interface Runner {
        int run(List<String> args);
    }

    /** Everything the loop needs from outside. */
    public record Setup(
            Terminal terminal,
            CommandLine model,
            Runner runner,
            List<String> defaultOptions,
            ReplTarget target,
            boolean color,
            Supplier<OptionalInt> pendingCount,
            Supplier<List<String>> environments,
            Supplier<List<String>> versions,
            Supplier<dev.pgpilot.core.db.DatabaseTarget> catalogTarget,
            Path historyFile) {}

    private final Setup setup;
    private final LineReader reader;
    private final Set<String> commands;
    private final CommandSuggester suggester;
    private final PrintWriter out;

    public Repl(Setup setup) {
        this.setup = setup;
        this.commands = new java.util.TreeSet<>(setup.model().getSubcommands().keySet());
        this.suggester = new CommandSuggester(commands);
        this.out = setup.terminal().writer();
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(true);   // an open quote continues on the next line
        parser.setEofOnEscapedNewLine(true);  // so does a line ending in a backslash
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(setup.terminal())
                .appName("pgpilot")
                .parser(parser)
                .completer(new ShellCompleter(setup.model(), setup.environments(), setup.versions(),
                        new CatalogCache(setup.catalogTarget())))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ...> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (setup.historyFile() != null) {
            b.variable(LineReader.HISTORY_FILE, setup.historyFile());
        }
        if (setup.color()) {
            b.highlighter(new InputHighlighter(commands));
        }
        this.reader = b.build();
    }

    public LineReader reader() {
        return reader;
    }

    /** Runs until exit, quit or end of input (Ctrl-D); returns 0. */
    public int run() {
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line being typed
            } catch (EndOfFileException e) {
                out.println();
                out.flush();
                return 0;
            }
            List<String> words = split(line);
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"))) {
                return 0;
            }
            execute(words);
            out.flush();
        }
    }

    /** What one line does; visible for tests. */
    void execute(List<String> words) {
        String first = words.get(0);
        if (commands.contains(first)) {
            setup.runner().run(withDefaults(words));
            return;
        }
        Optional<String> near = suggester.suggest(words);
        if (near.isPresent()) {
            out.println("unknown command '" + first + "'. Did you mean '" + near.get() + "'?");
            out.println("hint: type help for the list of commands; anything else is read as a plain-English request");
            return;
        }
        List<String> asNew = new ArrayList<>();
        asNew.add("new");
        asNew.add(String.join(" ", words));
        setup.runner().run(withDefaults(asNew));
    }

    /** Visible for tests. */
    String prompt() {
        ReplTarget t = setup.target();
        OptionalInt pending = OptionalInt.empty();
        try {
            pending = setup.pendingCount().get();
        } catch (RuntimeException e) {
            // the count is a nicety; never let it break the prompt
        }
        String text = "pgpilot " + t.label() + (t.isProtected() ? "!" : "")
                + (pending.isPresent() && pending.getAsInt() > 0 ? " (" + pending.getAsInt() + " pending)" : "") + "> ";
        if (!setup.color()) {
            return text;
        }
        AttributedStyle style = t.isProtected() ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD;
        return new org.jline.utils.AttributedStringBuilder().styled(style, text).toAnsi();
    }

    private List<String> split(String line) {
        Parser p = reader.getParser();
        List<String> words = new ArrayList<>(p.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words());
        words.removeIf(String::isBlank); // a continued line leaves its newline as a word
        return words;
    }

    /** Appends the shell's --workdir/--db-url/--env/--no-color unless the line gives its own. */
    private List<String> withDefaults(List<String> words) {
        List<String> args = new ArrayList<>(words);
        if (args.get(0).equals("help")) {
            return args;
        }
        int insertAt = args.indexOf("--") < 0 ? args.size() : args.indexOf("--");
        List<String> defaults = setup.defaultOptions();
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < defaults.size(); i++) {
            String name = defaults.get(i);
            boolean takesValue = i + 1 < defaults.size() && !defaults.get(i + 1).startsWith("--");
            boolean given = words.stream().anyMatch(w -> w.equals(name) || w.startsWith(name + "="));
            if (!given) {
                extra.add(name);
                if (takesValue) extra.add(defaults.get(i + 1));
            }
            if (takesValue) i++;
        }
        args.addAll(insertAt, extra);
        return args;
    }
}
