package dev.pgpilot.shell.repl;

import dev.pgpilot.core.api.TargetPreview;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.UpPlan;
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
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * The read-eval-print loop. Each line is split into words (quotes respected) and run through the
 * same picocli command tree as the command line, with the shell's global options appended as
 * defaults. A line that is not a command is a plain-English request ({@link PlanFlow}: shown, then
 * written only on "y"), unless it is a near miss of a command ("stauts") or a single word, which get
 * an error instead. {@code sql} and {@code \d}-style lines run read-only queries. {@code apply} runs the last written plan.
 */
public final class Repl {
    /** Runs one command line in-process, printing to {@code out}, and returns its exit code. */
    public interface Runner {
        int run(List<String> args, PrintWriter out);
    }

    /** Asks and applies a prepared {@code up} as the {@code up} command does (same screen, same question). */
    public interface PlanApplier {
        int apply(UpPlan plan, PrintWriter out);
    }

    /** Everything the loop needs from outside. */
    public record Setup(
            Terminal terminal,
            CommandLine model,
            Runner runner,
            PlanApplier applier,
            List<String> defaultOptions,
            TargetPreview target,
            boolean color,
            Supplier<OptionalInt> pendingCount,
            Supplier<List<String>> environments,
            Supplier<List<String>> versions,
            Supplier<dev.pgpilot.core.api.SchemaNames> catalogNames,
            Supplier<Pilot> pilots,
            Map<String, String> env,
            Path historyFile) {}

    /** Words the shell itself understands besides the commands. */
    static final List<String> BUILT_INS = List.copyOf(ShellHelp.WORDS.keySet());
    /** Commands whose output can be long: shown through the pager on a terminal. */
    private static final Set<String> PAGED = Set.of("status", "history", "lint", "diff", "help");

    private static final String REDRAW_PROMPT = "pgpilot-redraw-prompt";
    private final Setup setup;
    private final LineReader reader;
    private final Set<String> commands;
    private final CommandSuggester suggester;
    private final PrintWriter out;
    private final PendingCount pending;
    private final CatalogCache catalog;
    private final PlanFlow plans;
    /** True while the reader waits at the shell's prompt (not at a y/N question), the one place the prompt may be redrawn. */
    private volatile boolean atPrompt;

    public Repl(Setup setup) {
        this.setup = setup;
        this.commands = new TreeSet<>(setup.model().getSubcommands().keySet());
        List<String> known = new ArrayList<>(commands);
        known.addAll(BUILT_INS);
        this.suggester = new CommandSuggester(known);
        this.out = setup.terminal().writer();
        this.pending = new PendingCount(setup.pendingCount());
        this.catalog = new CatalogCache(setup.catalogNames());
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(setup.terminal())
                .appName("pgpilot")
                .parser(new ReplParser())
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

    /**
     * A question read through the shell's line reader; Ctrl-C and Ctrl-D answer with an empty line
     * (no). The answer is not kept in the history: Up and Ctrl-R should find commands, not a "y".
     */
    public String ask(String question) {
        reader.variable(LineReader.DISABLE_HISTORY, true);
        try {
            return reader.readLine(question);
        } catch (UserInterruptException | EndOfFileException e) {
            return "";
        } finally {
            reader.variable(LineReader.DISABLE_HISTORY, false);
        }
    }

    /** Runs until exit, quit or end of input (Ctrl-D); returns 0. */
    public int run() {
        Terminal t = setup.terminal();
        Terminal.SignalHandler previous = t.handle(Terminal.Signal.INT, s -> cancelRunningCommand());
        Tty.install(setup.color(), live(t));
        Background.afterFirstPrompt(reader, () -> {
            pending.refresh(0);
            catalog.preload();
            pending.watch(() -> atPrompt && reader.isReading(), this::redrawPrompt);
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
                atPrompt = true;
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line being typed
            } catch (EndOfFileException e) {
                out.println();
                out.flush();
                return 0;
            }
            atPrompt = false;
            List<String> words = split(line);
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"))) {
                return 0;
            }
            execute(line.strip(), words);
            out.flush();
            if (!words.get(0).equals("help")) {
                catalog.invalidate();
                catalog.preload();
                pending.refresh(PendingCount.WAIT_AFTER_COMMAND_MS);
            }
        }
    }

    /**
     * The pending count changed while the user sat at the prompt: the prompt line is erased and
     * drawn again with the new count, as a widget so it runs under the reader's lock.
     */
    private void redrawPrompt() {
        if (!(reader instanceof org.jline.reader.impl.LineReaderImpl impl)) return;
        impl.getWidgets().putIfAbsent(REDRAW_PROMPT, () -> {
            impl.setPrompt(prompt());
            impl.getTerminal().puts(org.jline.utils.InfoCmp.Capability.carriage_return);
            impl.getTerminal().puts(org.jline.utils.InfoCmp.Capability.clr_eol);
            return impl.redrawLine();
        });
        try {
            reader.callWidget(REDRAW_PROMPT);
            reader.callWidget(LineReader.REDISPLAY);
        } catch (IllegalStateException notReadingAnyMore) {
            // the line was accepted meanwhile: the next prompt shows the new count
        }
    }

    /** Ctrl-C while a command runs (readLine has its own handler): cancel what registered itself. */
    private void cancelRunningCommand() {
        out.println();
        out.println(Interrupts.cancel() ? "cancelling: the running migration is rolled back..." : "(nothing to cancel)");
        out.flush();
    }

    /**
     * What one line does. {@code text} is the line as typed: plain English, {@code sql} queries and
     * {@code \} meta-commands get it whole, since word splitting would drop their quotes.
     */
    void execute(String text, List<String> words) {
        String first = words.get(0);
        if (text.startsWith("\\")) {
            run(List.of("sql", text));
            return;
        }
        if (first.equals("apply") && words.size() == 1) {
            UpPlan up = plans.apply();
            if (up != null) setup.applier().apply(up, out);
            return;
        }
        if (first.equals("clear") && words.size() == 1) {
            reader.getTerminal().puts(org.jline.utils.InfoCmp.Capability.clear_screen);
            reader.getTerminal().flush();
            return;
        }
        if (first.equals("sql") && words.size() > 1 && !words.get(1).startsWith("-")) {
            run(List.of("sql", afterFirstWord(text)));
            return;
        }
        if (first.equals("new") && isPlainRequest(words)) {
            plans.request(words.size() == 2 ? words.get(1) : afterFirstWord(text));
            return;
        }
        if (first.equals("help") && words.size() == 2 && ShellHelp.word(words.get(1), out)) {
            return;
        }
        if (first.equals("help") && words.size() == 1) {
            run(words);
            ShellHelp.summary(out);
            return;
        }
        if (commands.contains(first)) {
            run(words);
            return;
        }
        Optional<String> near = suggester.suggest(words);
        if (near.isPresent() || words.size() == 1) {
            // one word is never a request ("clear", "ls"): planning it would only answer "not understood"
            out.println("error: unknown command '" + first + "'");
            out.println("hint: " + near.map(n -> "did you mean '" + n + "'? (help lists the commands; anything else is read as a plain-English request)")
                    .orElse("help lists the commands; a plain-English request is a sentence, e.g. add a notes column to events"));
            return;
        }
        plans.request(text);
    }

    /** The line after its first word, as typed (the first word is a command name, so it has no quotes). */
    private static String afterFirstWord(String text) {
        int space = 0;
        while (space < text.length() && !Character.isWhitespace(text.charAt(space))) space++;
        return text.substring(space).strip();
    }

    /** {@code new} followed by words only (no option): the shell asks before writing, as for free text. */
    private static boolean isPlainRequest(List<String> words) {
        return words.size() > 1 && words.stream().skip(1).noneMatch(w -> w.startsWith("-"));
    }

    private void run(List<String> words) {
        List<String> args = ShellDefaults.appendTo(words, setup.defaultOptions());
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
        return Prompts.main(setup.target(), pending.show(), setup.color());
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
}
