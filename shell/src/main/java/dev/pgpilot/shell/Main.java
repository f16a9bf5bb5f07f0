package dev.pgpilot.shell;

import dev.pgpilot.core.PilotException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pgpilot} command: parses arguments, runs one subcommand, turns failures into exit codes. */
@Command(name = "pgpilot", mixinStandardHelpOptions = true, version = "pgpilot 0.1.0",
        description = "Migrations for PostgreSQL and Supabase, from a shell, scripts and Slack.")
public final class Main implements Runnable {
    /**
     * Every subcommand in help order, each built only when asked for: picocli reads a command's
     * annotations when it is registered, and a run of {@code status} should not pay for fifteen others.
     * The names must be the {@code @Command} names (MainTest checks).
     */
    static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("init", () -> new InitCommand());
        COMMANDS.put("new", () -> new NewCommand());
        COMMANDS.put("db", () -> new DbCommand());
        COMMANDS.put("status", () -> new StatusCommand());
        COMMANDS.put("up", () -> new UpCommand());
        COMMANDS.put("down", () -> new DownCommand());
        COMMANDS.put("history", () -> new HistoryCommand());
        COMMANDS.put("repair", () -> new RepairCommand());
        COMMANDS.put("lint", () -> new LintCommand());
        COMMANDS.put("diff", () -> new DiffCommand());
        COMMANDS.put("reset", () -> new ResetCommand());
        COMMANDS.put("test", () -> new TestCommand());
        COMMANDS.put("test-rls", () -> new TestRlsCommand());
        COMMANDS.put("gen", () -> new GenCommand());
        COMMANDS.put("sql", () -> new SqlCommand());
        COMMANDS.put("shell", Main::shellCommand);
        COMMANDS.put("slack", () -> new SlackCommand());
        COMMANDS.put("help", () -> new CommandLine.HelpCommand());
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = execute(args, new PrintWriter(System.out, true), err);
        } catch (Throwable t) {
            // picocli hands only Exceptions to the handler below; an Error (a StackOverflowError in a
            // regex) would otherwise end the JVM with exit 1, which scripts read as "lint errors".
            err.println("error: internal failure: " + t);
            err.println("hint: a pgpilot bug, please report it");
            code = PilotException.ERROR;
        }
        System.exit(code);
    }

    /** Runs one command line; used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        String[] a = globalsAfterCommand(args);
        return commandLine(out, err, commandsFor(a)).execute(a);
    }

    /** Global options that take a value; the others are flags. */
    private static final List<String> VALUED_GLOBALS = List.of("--workdir", "--db-url", "--env");
    private static final List<String> FLAG_GLOBALS = List.of("--json", "--yes", "-y", "--no-color");

    /**
     * {@code pgpilot --workdir DIR status} means {@code pgpilot status --workdir DIR}: each command
     * owns the global options, so those written before the command name are moved right after it.
     */
    static String[] globalsAfterCommand(String[] args) {
        List<String> globals = new java.util.ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (VALUED_GLOBALS.contains(name)) {
                globals.add(a);
                if (!a.contains("=") && i + 1 < args.length) globals.add(args[++i]);
            } else if (FLAG_GLOBALS.contains(a)) {
                globals.add(a);
            } else {
                break;
            }
            i++;
        }
        if (globals.isEmpty() || i >= args.length) {
            return args;
        }
        List<String> out = new java.util.ArrayList<>();
        out.add(args[i]);
        out.addAll(globals);
        out.addAll(List.of(args).subList(i + 1, args.length));
        return out.toArray(String[]::new);
    }

    /** The full command tree (help, the REPL's completion). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, COMMANDS.keySet());
    }

    /**
     * Only the named command when the first word names one; every command otherwise (help, a
     * mistyped command that needs the names for "did you mean", no command at all).
     */
    static Collection<String> commandsFor(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return COMMANDS.containsKey(a) && !a.equals("help") ? List.of(a) : COMMANDS.keySet();
            }
        }
        return COMMANDS.keySet();
    }

    /** --json as an option, or anywhere on the line of a command that takes no options (help). */
    private static boolean asksForJson(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--json")) return true;
        }
        return result.originalArgs().contains("--json");
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, Collection<String> commands) {
        CommandLine cl = new CommandLine(new Main());
        for (String name : commands) {
            cl.addSubcommand(name, COMMANDS.get(name).get());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrors());
        HelpExamples.addTo(cl);
        cl.setExecutionStrategy(Main::refuseJsonForTextOnly);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            boolean json = asksForJson(parseResult);
            if (ex instanceof PilotException pe && pe.exitCode() == PilotException.NOTHING_TO_DO) {
                // "already there, nothing to do" is an answer, not an error
                commandLine.getOut().println(json ? Render.json(Map.of("nothing_to_do", true, "message", pe.getMessage())) : pe.getMessage());
                commandLine.getOut().flush();
                return PilotException.NOTHING_TO_DO;
            }
            if (ex instanceof PilotException pe) {
                Render.printError(e, pe);
                if (json) {
                    Render.printJsonError(commandLine.getOut(), pe.getMessage(), pe.hint());
                }
                return pe.exitCode();
            }
            e.println("error: " + ex);
            ex.printStackTrace(e);
            e.flush();
            if (json) {
                Render.printJsonError(commandLine.getOut(), String.valueOf(ex), null);
            }
            return PilotException.ERROR;
        });
        return cl;
    }

    static ShellCommand shellCommand() {
        return new ShellCommand(out -> commandLine(out, out), (args, w) -> execute(args.toArray(String[]::new), w, w));
    }

    /**
     * Runs the command, unless it prints no data (a {@link TextOnly} command, help, the version) and
     * --json was asked for: that is refused with exit 2 before it runs.
     */
    private static int refuseJsonForTextOnly(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult last = parseResult;
        boolean help = false;
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            help |= r.isUsageHelpRequested() || r.isVersionHelpRequested();
            last = r;
        }
        Object command = last.commandSpec().userObject();
        help |= command instanceof CommandLine.HelpCommand;
        boolean json = asksForJson(parseResult);
        if (json && (help || command instanceof TextOnly)) {
            String what = help ? "help" : "'" + last.commandSpec().qualifiedName(" ") + "'";
            throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), "--json refused",
                    PilotException.error(what + " has no JSON output; --json is not supported here", "run it without --json"));
        }
        return new CommandLine.RunLast().execute(parseResult);
    }
}
