package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.Project;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** Options every command accepts (the command contract's global options). */
public final class GlobalOptions {
    @Option(names = "--workdir", description = "project folder (default: current directory)", scope = ScopeType.INHERIT)
    Path workdir = Path.of(".");

    @Option(names = "--db-url", description = "database URL (postgresql://... or jdbc:postgresql://...)", scope = ScopeType.INHERIT)
    String dbUrl;

    @Option(names = "--env", description = "environment from pgpilot.yaml", scope = ScopeType.INHERIT)
    String env;

    @Option(names = "--json", description = "machine-readable output", scope = ScopeType.INHERIT)
    boolean json;

    @Option(names = {"--yes", "-y"}, description = "confirm without asking", scope = ScopeType.INHERIT)
    boolean yes;

    @Option(names = "--no-color", description = "plain output", scope = ScopeType.INHERIT)
    boolean noColor;

    @Option(names = {"--help", "-h"}, usageHelp = true, description = "show this command's options")
    boolean help;

    /** Set by the REPL so the history records "shell" instead of "cli". */
    String source = dev.pgpilot.shell.repl.Tty.inRepl() ? "shell" : "cli";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The command's Pilot, after {@link #prepareFolder} (each move and skipped file is printed on stderr). */
    public Pilot pilot() {
        Pilot p = new Pilot(new Pilot.Options(workdir, dbUrl, env, source, System.getProperty("user.name")));
        prepareFolder(Project.at(workdir), command.commandLine().getErr());
        return p;
    }

    /**
     * Moves down scripts left beside their migrations into the down folder, saying so for each file,
     * and warns about each {@code .sql} file the migration commands skip (as the Supabase CLI does).
     */
    static void prepareFolder(Project project, PrintWriter err) {
        for (Project.Note n : project.prepare()) {
            err.println((n.warning() ? "warning: " : "note: ") + n.text());
        }
        err.flush();
    }

    /** For commands that read the project: refuses (exit 2, nothing created) when the workdir is not one. */
    public Pilot project() {
        Pilot p = pilot();
        p.requireProject();
        return p;
    }
}
