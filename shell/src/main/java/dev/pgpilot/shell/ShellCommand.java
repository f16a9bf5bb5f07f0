package dev.pgpilot.shell;

import dev.pgpilot.core.db.DatabaseTarget;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.MigrationFile;
import dev.pgpilot.core.workspace.Workspace;
import dev.pgpilot.shell.repl.Colors;
import dev.pgpilot.shell.repl.Repl;
import dev.pgpilot.shell.repl.ReplTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "shell", description = "Interactive shell: every command, and plain English means `new`",
        footer = {"", "Examples:", "  pgpilot shell", "  pgpilot shell --env staging"})
final class ShellCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;

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
        Config config = configOrDefaults(workdir);
        ReplTarget target = ReplTarget.describe(global.dbUrl, global.env, env, config);
        Repl.Setup setup = new Repl.Setup(
                terminal,
                Main.commandLine(out, out),
                args -> Main.commandLine(out, out).execute(args.toArray(String[]::new)),
                defaultOptions(workdir),
                target,
                color,
                OptionalInt::empty, // hook: the engine branch's status fills the pending count
                () -> new ArrayList<>(configOrDefaults(workdir).environments().keySet()),
                () -> Workspace.open(workdir).migrations().stream().map(MigrationFile::version).toList(),
                () -> target.local() ? null : catalogTarget(workdir),
                historyFile(env));
        Repl repl = new Repl(setup);
        Prompter.install(prompterFor(repl.reader()));
        try {
            return repl.run();
        } finally {
            Prompter.install(null);
        }
    }

    /** Questions asked through the REPL's reader; an empty answer, Ctrl-C and Ctrl-D all mean no. */
    static Prompter prompterFor(LineReader reader) {
        return question -> {
            try {
                return reader.readLine(question);
            } catch (UserInterruptException | EndOfFileException e) {
                return "";
            }
        };
    }

    private List<String> defaultOptions(Path workdir) {
        List<String> d = new ArrayList<>(List.of("--workdir", workdir.toString()));
        if (global.dbUrl != null) d.addAll(List.of("--db-url", global.dbUrl));
        if (global.env != null) d.addAll(List.of("--env", global.env));
        if (global.noColor) d.add("--no-color");
        return d;
    }

    private DatabaseTarget catalogTarget(Path workdir) {
        return new dev.pgpilot.core.Pilot(new dev.pgpilot.core.Pilot.Options(workdir, global.dbUrl, global.env, "shell",
                System.getProperty("user.name"))).target().target();
    }

    private static Config configOrDefaults(Path workdir) {
        try {
            return Config.load(workdir);
        } catch (RuntimeException e) {
            return Config.defaults(); // a broken pgpilot.yaml is reported by the command that needs it
        }
    }

    private static Path historyFile(Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".pgpilot", "history");
    }
}
