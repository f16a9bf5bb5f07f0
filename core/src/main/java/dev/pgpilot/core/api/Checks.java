package dev.pgpilot.core.api;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationName;
import dev.pgpilot.core.drift.EnvironmentMatrixReader;
import dev.pgpilot.core.render.Templates;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What compares the migrations with databases or checks them: drift ({@code diff}, {@code diff --write}),
 * every environment side by side, reset, TypeScript types, RLS tests and pgTAP tests. {@link Pilot} delegates to it.
 */
final class Checks {
    private final Pilot pilot;

    Checks(Pilot pilot) {
        this.pilot = pilot;
    }

    /** {@code diff}: the target against its applied migrations replayed on a shadow of the embedded server. */
    public dev.pgpilot.core.drift.Drift.Result drift() {
        return dev.pgpilot.core.drift.Drift.checkApplied(pilot.workspace()::migrations, () -> pilot.localDatabase().start(), pilot.database());
    }

    /**
     * {@code diff --write NAME}: a migration (from the house template, with its down script) that
     * brings the migrations in line with the target; nothing is written when there is no drift or
     * none of it can be expressed.
     */
    /** {@code diff}: the drift report of the target. */
    public DriftReport diff() {
        return DriftReport.of(drift());
    }

    public DriftWritten writeDrift(String name) {
        dev.pgpilot.core.drift.Drift.Result r = drift();
        dev.pgpilot.core.drift.DriftMigration m = dev.pgpilot.core.drift.DriftMigration.from(r.diff());
        if (m.isEmpty()) {
            return new DriftWritten(DriftReport.of(r), null, m.notExpressed());
        }
        Path file = pilot.newEmpty(name);
        try {
            // the template's body gives way to the drift's SQL; its down script stays as written
            String header = "-- " + name + ": brings the migrations in line with " + pilot.database().label()
                    + " (written by pgpilot diff --write)\n\n";
            Files.writeString(file, header + m.sql());
        } catch (IOException e) {
            throw PilotException.error("cannot write " + file + ": " + e.getMessage(), null);
        }
        return new DriftWritten(DriftReport.of(r), file, m.notExpressed());
    }

    /** {@code status --pilot.env() all}: every environment's history side by side. */
    public dev.pgpilot.core.api.model.EnvironmentMatrix environmentMatrix() {
        return dev.pgpilot.core.drift.EnvironmentMatrixReader.read(pilot.workspace(), pilot.resolver(), pilot.localDatabase().state().initialized());
    }

    /** Refuses {@code reset} before anyone is asked when the target may not be reset (a protected or remote one). */
    public void checkResetAllowed() {
        dev.pgpilot.core.drift.Reset.checkAllowed(pilot.target());
    }

    /** {@code reset}: drops everything on the (resettable) target and re-applies every migration through the engine. */
    public dev.pgpilot.core.api.model.ResetResult reset() {
        return dev.pgpilot.core.drift.Reset.run(pilot.target(), pilot.workspace(), pilot.localDatabase(),
                fresh -> pilot.applying.upOn(fresh, new dev.pgpilot.core.api.model.UpOptions(null, false, true, true)));
    }

    /**
     * {@code gen types typescript}: the target's schemas as TypeScript types; {@code schemas} null or
     * empty: public and config.toml's [api] schemas, else the project's schemas and graphql_public.
     */
    public String typeScriptTypes(java.util.List<String> schemas) {
        dev.pgpilot.core.target.DatabaseTarget t = pilot.database();
        java.util.List<String> names = schemas != null && !schemas.isEmpty() ? schemas
                : dev.pgpilot.core.catalog.TypeCatalog.schemasFor(t, pilot.workspace().supabaseConfig().apiSchemas());
        return dev.pgpilot.core.types.TypeScriptTypes.render(dev.pgpilot.core.catalog.TypeCatalog.read(t, names));
    }

    /**
     * {@code test-rls}: the named test files (relative to the workdir; none: every file of
     * {@code supabase/tests/rls}), each run on the target in a rolled-back transaction.
     */
    public java.util.List<dev.pgpilot.core.api.model.RlsTestResult> testRls(java.util.List<Path> files) {
        java.util.List<dev.pgpilot.core.rlstest.RlsTestFile> tests = dev.pgpilot.core.rlstest.RlsTestFolder.load(pilot.workspace().workdir(), files);
        return dev.pgpilot.core.rlstest.RlsTestRunner.run(pilot.database(), tests);
    }

    /** {@code pgpilot test}: the named pgTAP files (none: every .sql under supabase/tests), each run on the target. */
    public java.util.List<dev.pgpilot.core.api.model.PgTapResult> pgTap(java.util.List<Path> files) {
        java.util.List<Path> paths = dev.pgpilot.core.pgtap.PgTapFolder.files(pilot.workspace().workdir(), files); // refused before any database starts
        return dev.pgpilot.core.pgtap.PgTapRunner.run(pilot.database(), paths);
    }
}
