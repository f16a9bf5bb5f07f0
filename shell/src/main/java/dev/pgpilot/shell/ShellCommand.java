package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.SchemaNames;
import dev.pgpilot.core.api.UpPlan;
import dev.pgpilot.core.api.Project;
import dev.pgpilot.core.api.TargetPreview;
import dev.pgpilot.shell.repl.Colors;
import dev.pgpilot.shell.repl.Repl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "shell", description = "Interactive shell: every command, and plain English means `new`")
final class ShellCommand implements Callable<Integer>, TextOnly {
    @Mixin GlobalOptions global;

    // The shell runs the CLI's own commands: handed in by Main, so this class does not reach back to it.
    private final Function<PrintWriter, CommandLine> commandLine;
    private final Repl.Runner runner;

    /** @param commandLine the CLI's command tree writing to one stream (the REPL's completion and help model) */
    ShellCommand(Function<PrintWriter, CommandLine> commandLine, Repl.Runner runner) {
        this.commandLine = commandLine;
        this.runner = runner;
    }

    @Override
    public Integer call() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build() /* dumb(true): a pipe gets a dumb terminal without JLine's warning */) {
            return runOn(terminal, System.getenv());
        }
    }

    /** The REPL on a given terminal; tests pass a dumb terminal over piped streams. */
    int runOn(Terminal terminal, Map<String, String> env) {
        Path workdir = global.workdir.toAbsolutePath().normalize();
        boolean color = Colors.enabled(terminal, global.noColor, env);
        PrintWriter out = terminal.writer();
        try {
            GlobalOptions.prepareFolder(Project.at(workdir), out);
        } catch (PilotException e) {
            // a broken pgpilot.yaml or a move that cannot be done: the first command that needs the folder reports it
        }
        Project project = Project.at(workdir);
        TargetPreview target = project.previewTarget(global.dbUrl, global.env, env);
        Repl.Setup setup = new Repl.Setup(
                terminal,
                commandLine.apply(out),
                runner,
                (plan, w) -> applyPlanned(plan, w),
                defaultOptions(workdir),
                target,
                color,
                () -> pendingCount(workdir, target),
                project::environments,
                project::versions,
                () -> catalogNames(workdir, target),
                () -> pilot(workdir),
                env,
                historyFile(env));
        Repl repl = new Repl(setup);
        sayWhenNotAProject(workdir, out);
        Prompter.install(repl::ask);
        try {
            return repl.run();
        } finally {
            Prompter.install(null);
        }
    }

    /**
     * The shell starts anywhere (its init makes a project), but in a folder that is not one the
     * commands that read a project refuse: say so before the first prompt, with what to do.
     */
    private static void sayWhenNotAProject(Path workdir, PrintWriter out) {
        if (!Project.at(workdir).isProject()) {
            out.println("note: " + workdir + " is not a pgpilot project (no supabase/ folder, no pgpilot.yaml).");
            out.println("      Type init to start one here, or exit and run pgpilot shell from your project folder (or with --workdir DIR).");
            out.flush();
        }
    }

    /** Pending migrations of the target; unknown (empty) while the local database is not running, so nothing starts it. */
    private OptionalInt pendingCount(Path workdir, TargetPreview target) {
        Pilot p = pilot(workdir);
        if (target.local() && !p.localServer().isRunning()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(p.status().pending().size());
    }

    private List<String> defaultOptions(Path workdir) {
        List<String> d = new ArrayList<>(List.of("--workdir", workdir.toString()));
        if (global.dbUrl != null) d.addAll(List.of("--db-url", global.dbUrl));
        if (global.env != null) d.addAll(List.of("--env", global.env));
        if (global.noColor) d.add("--no-color");
        return d;
    }

    /**
     * The shell's {@code apply}: the prepared plan through the {@code up} command's own screen and
     * question, which the shell always asks (as {@code up} without {@code --yes}).
     */
    private static int applyPlanned(UpPlan plan, PrintWriter out) {
        try {
            return UpCommand.confirmAndApply(new GlobalOptions(), plan.pilot(), plan, false, out, out);
        } catch (PilotException e) {
            return Render.printError(out, e);
        }
    }

    /** Table names for completion: the target's, but never by starting the local database (null then). */
    private SchemaNames catalogNames(Path workdir, TargetPreview target) {
        Pilot p = pilot(workdir);
        if (target.local() && !p.localServer().isRunning()) {
            return null;
        }
        return p.schemaNames();
    }

    private Pilot pilot(Path workdir) {
        return new Pilot(new Pilot.Options(workdir, global.dbUrl, global.env, "shell", System.getProperty("user.name")));
    }

    private static Path historyFile(Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".pgpilot", "history");
    }
}
