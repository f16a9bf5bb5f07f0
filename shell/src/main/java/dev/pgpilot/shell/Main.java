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
        COMMANDS.put("shell", () -> new ShellCommand());
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

    private static boolean asksForJson(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--json")) return true;
        }
        return false;
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
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof PilotException pe && pe.exitCode() == PilotException.NOTHING_TO_DO) {
                // "already there, nothing to do" is an answer, not an error
                commandLine.getOut().println(pe.getMessage());
                commandLine.getOut().flush();
                return PilotException.NOTHING_TO_DO;
            }
            if (ex instanceof PilotException pe) {
                e.println("error: " + pe.getMessage());
                if (pe.hint() != null) {
                    e.println("hint: " + pe.hint());
                }
                e.flush();
                if (asksForJson(parseResult)) {
                    // A script reading --json output gets JSON on stdout even when the command fails.
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("message", pe.getMessage());
                    error.put("hint", pe.hint());
                    commandLine.getOut().println(Render.json(Map.of("error", error)));
                    commandLine.getOut().flush();
                }
                return pe.exitCode();
            }
            e.println("error: " + ex);
            ex.printStackTrace(e);
            e.flush();
            return PilotException.ERROR;
        });
        return cl;
    }
}
