package dev.pgpilot.shell;

import dev.pgpilot.core.PilotException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pgpilot} command: parses arguments, runs one subcommand, turns failures into exit codes. */
@Command(name = "pgpilot", mixinStandardHelpOptions = true, version = "pgpilot 0.1.0",
        description = "Migrations for PostgreSQL and Supabase, from a shell, scripts and Slack.",
        subcommands = {InitCommand.class, NewCommand.class, DbCommand.class,
                StatusCommand.class, UpCommand.class, DownCommand.class, HistoryCommand.class, RepairCommand.class,
                LintCommand.class, DiffCommand.class, ResetCommand.class, TestRlsCommand.class, GenCommand.class,
                ShellCommand.class, SlackCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrors());
        HelpExamples.addTo(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof PilotException pe) {
                e.println("error: " + pe.getMessage());
                if (pe.hint() != null) {
                    e.println("hint: " + pe.hint());
                }
                e.flush();
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
