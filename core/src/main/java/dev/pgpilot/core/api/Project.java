package dev.pgpilot.core.api;

import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.DownScripts;
import dev.pgpilot.core.workspace.MigrationListing;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A project folder read without any database: what the shell's prompt and completion show before a
 * command runs, and the notes about the folder every command prints first.
 */
public final class Project {
    private final Path workdir;

    private Project(Path workdir) {
        this.workdir = workdir;
    }

    public static Project at(Path workdir) {
        return new Project(workdir);
    }

    /** A line to print on stderr before the command's output: a note, or a warning. */
    public record Note(boolean warning, String text) {}

    /**
     * Moves down scripts left beside their migrations into the down folder (a note for each), and
     * warns about each {@code .sql} file the migration commands skip (as the Supabase CLI does).
     */
    public List<Note> prepare() {
        Workspace workspace = Workspace.open(workdir);
        List<Note> notes = new ArrayList<>();
        for (DownScripts.Moved m : workspace.moveLegacyDownScripts()) notes.add(new Note(false, m.message(workdir)));
        for (MigrationListing.Skipped s : workspace.skippedFiles()) notes.add(new Note(true, s.message(workdir)));
        return notes;
    }

    /** False for a folder with no supabase/ folder and no pgpilot.yaml; a broken pgpilot.yaml counts as a project (its command says what is wrong). */
    public boolean isProject() {
        try {
            return Workspace.open(workdir).isProject();
        } catch (RuntimeException brokenConfig) {
            return true;
        }
    }

    /** The environments of pgpilot.yaml, by name; none when it is missing or broken. */
    public List<String> environments() {
        return new ArrayList<>(configOrDefaults().environments().keySet());
    }

    /** Every migration's version, in order. */
    public List<String> versions() {
        return Workspace.open(workdir).migrations().stream().map(MigrationFile::version).toList();
    }

    /** Which database commands here would talk to, from the options, variables and config alone. */
    public TargetPreview previewTarget(String dbUrl, String envName, Map<String, String> env) {
        return TargetPreview.describe(dbUrl, envName, env, configOrDefaults());
    }

    private Config configOrDefaults() {
        try {
            return Config.load(workdir);
        } catch (RuntimeException e) {
            return Config.defaults(); // a broken pgpilot.yaml is reported by the command that needs it
        }
    }
}
