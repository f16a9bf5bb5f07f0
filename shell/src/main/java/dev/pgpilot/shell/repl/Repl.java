package dev.pgpilot.shell.repl;

import dev.pgpilot.core.Pilot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStyle;
import picocli.CommandLine;

/**
 * The read-eval-print loop. Each line is split into words (quotes respected) and run through the
 * same picocli command tree as the command line, with the shell's global options appended as
 * defaults. A line that is not a command is a plain-English request ({@link PlanFlow}: shown, then
 * written only on "y"), unless its single word is a near miss of a command ("stauts"), which gets
 * a suggestion instead. {@code apply} runs the last written plan.
 */
public final class Repl {
    /** Runs one command line in-process, printing to {@code out}, and returns its exit code. */
    public interface Runner {
        int run(List<String> args, PrintWriter out);
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
            Supplier<Pilot> pilots,
            Map<String, String> env,
            Path historyFile) {}

    /** Words the shell itself understands besides the commands. */
    static final List<String> BUILT_INS = List.of("apply", "exit", "quit");
    /** Commands whose output can be long: shown through the pager on a terminal. */
    private static final Set<String> PAGED = Set.of("status", "history", "lint", "diff", "help");

    private final Setup setup;
    private final LineReader reader;
    private final Set<String> commands;
    private final CommandSuggester suggester;
    private final PrintWriter out;
    private final PendingCount pending;
    private final CatalogCache catalog;
    private final PlanFlow plans;

    public Repl(Setup setup) {
        this.setup = setup;
        this.commands = new TreeSet<>(setup.model().getSubcommands().keySet());
        List<String> known = new ArrayList<>(commands);
        known.addAll(BUILT_INS);
        this.suggester = new CommandSuggester(known);
        this.out = setup.terminal().writer();
        this.pending = new PendingCount(setup.pendingCount());
        this.catalog = new CatalogCache(setup.catalogTarget());
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(true);   // an open quote continues on the next line
        parser.setEofOnEscapedNewLine(true);  // so does a line ending in a backslash
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(setup.terminal())
                .appName("pgpilot")
                .parser(parser)
                .completer(new ShellCompleter(setup.model(), setup.environments(), setup.versions(), catalog))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ...> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (setup.historyFile() != null) {
            b.variable(LineReader.HISTORY_FILE, setup.historyFile());
        }
        if (setup.color()) {
            b.highlighter(new InputHighlighter(commands));
        }
        this.reader = b.build();
        this.plans = new PlanFlow(setup.pilots(), out, setup.color(), this::ask, new Editor(setup.env(), setup.terminal()));
    }

    public LineReader reader() {
        return reader;
    }

    /** A question read through the shell's line reader; Ctrl-C and Ctrl-D answer with an empty line (no). */
    public String ask(String question) {
        try {
            return reader.readLine(question);
        } catch (UserInterruptException | EndOfFileException e) {
            return "";
        }
    }

    /** Runs until exit, quit or end of input (Ctrl-D); returns 0. */
    public int run() {
        Terminal t = setup.terminal();
        Terminal.SignalHandler previous = t.handle(Terminal.Signal.INT, s -> cancelRunningCommand());
        Tty.install(setup.color(), live(t));
        afterFirstPrompt(() -> {
            pending.refresh(0);
            catalog.preload();
        });
        try {
            return loop();
        } finally {
            Tty.uninstall();
            t.handle(Terminal.Signal.INT, previous);
        }
    }

    private int loop() {
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
            if (!words.get(0).equals("help")) {
                catalog.invalidate();
                catalog.preload();
                pending.refresh(PendingCount.WAIT_AFTER_COMMAND_MS);
            }
        }
    }

    /**
     * Work that reads the database starts once the first prompt is up: on two busy cores it would
     * otherwise compete with the start of the shell for the CPU.
     */
    private void afterFirstPrompt(Runnable work) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (!reader.isReading() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            work.run();
        }, "pgpilot-after-prompt");
        t.setDaemon(true);
        t.start();
    }

    /** Ctrl-C while a command runs (readLine has its own handler): cancel what registered itself. */
    private void cancelRunningCommand() {
        out.println();
        out.println(Interrupts.cancel() ? "cancelling: the running migration is rolled back..." : "(nothing to cancel)");
        out.flush();
    }

    /** What one line does; visible for tests. */
    void execute(List<String> words) {
        String first = words.get(0);
        if (first.equals("apply") && words.size() == 1) {
            List<String> up = plans.apply();
            if (!up.isEmpty()) run(up);
            return;
        }
        if (first.equals("new") && isPlainRequest(words)) {
            plans.request(String.join(" ", words.subList(1, words.size())));
            return;
        }
        if (first.equals("help") && words.size() == 1) {
            run(words);
            out.println();
            out.println("In the shell:");
            out.println("  anything that is not a command is a plain-English request, e.g.  add a notes column to events");
            out.println("    (it is planned and shown with its lint findings; nothing is written unless you answer y)");
            out.println("  apply            run the file the last request wrote (shows the SQL and asks again)");
            out.println("  exit, quit, ^D   leave; ^C clears the line or cancels a running up; ^R searches the history");
            return;
        }
        if (commands.contains(first)) {
            run(words);
            return;
        }
        Optional<String> near = suggester.suggest(words);
        if (near.isPresent()) {
            out.println("error: unknown command '" + first + "'");
            out.println("hint: did you mean '" + near.get() + "'? (help lists the commands; anything else is read as a plain-English request)");
            return;
        }
        plans.request(String.join(" ", words));
    }

    /** {@code new} followed by words only (no option): the shell asks before writing, as for free text. */
    private static boolean isPlainRequest(List<String> words) {
        return words.size() > 1 && words.stream().skip(1).noneMatch(w -> w.startsWith("-"));
    }

    private void run(List<String> words) {
        List<String> args = withDefaults(words);
        if (!PAGED.contains(words.get(0))) {
            setup.runner().run(args, out);
            return;
        }
        StringWriter page = new StringWriter();
        try (PrintWriter w = new PrintWriter(page)) {
            setup.runner().run(args, w);
        }
        Pager.show(setup.terminal(), page.toString(), setup.env());
    }

    /** Visible for tests. */
    String prompt() {
        ReplTarget t = setup.target();
        OptionalInt count = pending.get();
        String text = "pgpilot " + t.label() + (t.isProtected() ? "!" : "")
                + (count.isPresent() && count.getAsInt() > 0 ? " (" + count.getAsInt() + " pending)" : "") + "> ";
        if (!setup.color()) {
            return text;
        }
        AttributedStyle style = t.isProtected() ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD;
        return new org.jline.utils.AttributedStringBuilder().styled(style, text).toAnsi();
    }

    /** Counts pending migrations now, waiting for the answer; visible for tests. */
    void refreshPending() {
        pending.refresh(PendingCount.WAIT_AFTER_COMMAND_MS);
    }

    private static boolean live(Terminal t) {
        return t.getType() != null && !t.getType().startsWith(Terminal.TYPE_DUMB);
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
