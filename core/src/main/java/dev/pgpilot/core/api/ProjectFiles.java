package dev.pgpilot.core.api;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationName;
import dev.pgpilot.core.render.Templates;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The files pgpilot writes in a project: the folder and config ({@code init}), blank and planned
 * migrations with their down scripts, RLS tests beside them, and the versions they get. {@link Pilot} delegates to it.
 */
final class ProjectFiles {
    private final Pilot pilot;

    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("^[a-z0-9]+(_[a-z0-9]+)*$");

    ProjectFiles(Pilot pilot) {
        this.pilot = pilot;
    }

    /** Creates the migrations folder and a commented {@code pgpilot.yaml}; keeps whatever exists. */
    public InitResult init() {
        Path dir = pilot.workspace().migrationsDir();
        Path cfg = pilot.workspace().workdir().resolve(Config.FILE_NAME);
        try {
            Files.createDirectories(dir);
            boolean created = false;
            if (!Files.exists(cfg)) {
                Files.writeString(cfg, Templates.load("pgpilot.yaml"));
                created = true;
            }
            return new InitResult(dir, cfg, created);
        } catch (IOException e) {
            throw PilotException.error("cannot initialise " + pilot.workspace().workdir() + ": " + e.getMessage(), null);
        }
    }

    /**
     * The next free version: now (UTC), or one second after the newest existing or already handed-out
     * version, allocated under a lock so concurrent plans (threads or processes) never share one.
     */
    public String nextVersion() {
        return new dev.pgpilot.core.workspace.VersionAllocator(pilot.workspace()).next(pilot.clock().instant());
    }

    /** Writes a blank migration from the house template: {@code new --empty NAME}. */
    public Path newEmpty(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw PilotException.refused("bad migration name: " + name, "use lower snake_case, e.g. add_notes_to_events");
        }
        Path dir = pilot.workspace().migrationsDir();
        String version = nextVersion();
        MigrationName mn = new MigrationName(version, name, false);
        Path file = dir.resolve(mn.fileName());
        String created = DateTimeFormatter.ISO_INSTANT.format(pilot.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String body = Templates.load("empty.sql").replace("{{name}}", name).replace("{{created}}", created);
        String down = Templates.load("empty.down.sql").replace("{{name}}", name);
        try {
            Files.createDirectories(dir);
            Path downFile = pilot.workspace().downScriptOf(mn);
            Files.createDirectories(downFile.getParent());
            Files.writeString(file, body, java.nio.file.StandardOpenOption.CREATE_NEW);
            try {
                Files.writeString(downFile, down, java.nio.file.StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw PilotException.error("file exists: " + e.getFile(), "wait a second and try again");
        } catch (IOException e) {
            throw PilotException.error("cannot write " + file + ": " + e.getMessage(), null);
        }
        return file;
    }

    /**
     * Writes the plan's migrations and their down scripts, in order; none is left behind when any
     * cannot be written. Returns the migration files written.
     */
    public java.util.List<Path> write(Plan plan) {
        java.util.List<Path> written = new java.util.ArrayList<>();
        java.util.List<Path> files = new java.util.ArrayList<>();
        try {
            for (PlannedFile f : plan.files()) {
                Path file = pilot.workspace().migrationsDir().resolve(f.fileName());
                Path down = downScriptOf(f);
                Files.createDirectories(file.getParent());
                Files.createDirectories(down.getParent());
                Files.writeString(file, f.migration().upSql(), java.nio.file.StandardOpenOption.CREATE_NEW);
                written.add(file);
                files.add(file);
                Files.writeString(down, f.migration().downSql(), java.nio.file.StandardOpenOption.CREATE_NEW);
                written.add(down);
            }
        } catch (IOException e) {
            for (Path p : written) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the error below names the file that could not be written; a leftover shows in status
                }
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException x) throw PilotException.error("file exists: " + x.getFile(), "wait a second and try again");
            throw PilotException.error("cannot write " + plan.fileName() + ": " + e.getMessage(), null);
        }
        return java.util.List.copyOf(files);
    }

    /** Where the down script of a migration file lives. */
    public Path downScriptOf(Path migration) {
        return pilot.workspace().downScriptOf(migration.getFileName().toString());
    }

    /** Where {@link #write} puts the down script of a plan's file. */
    public Path downScriptOf(PlannedFile file) {
        return pilot.workspace().downScriptOf(file.fileName());
    }

    /** Where {@link #write} puts the down script of the plan's first file. */
    public Path downScriptOf(Plan plan) {
        return downScriptOf(plan.files().get(0));
    }

    /**
     * {@code new --rls-test}: writes {@code supabase/tests/rls/<migration>.yaml} checking the plan's
     * owner policies (the owner sees and changes their row, another user does not).
     */
    public RlsTestWritten writeRlsTest(Plan plan) {
        if (plan.changes() == null) {
            return new RlsTestWritten(null, java.util.List.of("pilot plan was not made from a request"));
        }
        String title = plan.fileName().replaceFirst("\\.sql$", "");
        dev.pgpilot.core.rlstest.OwnerRlsTestGenerator.Result r = dev.pgpilot.core.rlstest.OwnerRlsTestGenerator.generate(plan.changes(), pilot.planning.catalog(), title);
        if (r.yaml() == null) {
            return new RlsTestWritten(null, r.skipped());
        }
        Path file = pilot.workspace().workdir().resolve(dev.pgpilot.core.rlstest.RlsTestFolder.DIR).resolve(title + ".yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, r.yaml(), java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw PilotException.error("file exists: " + file, "the migration was written; move the old test file and write the test again");
        } catch (IOException e) {
            throw PilotException.error("cannot write " + file + ": " + e.getMessage(), null);
        }
        return new RlsTestWritten(file, r.skipped());
    }
}
