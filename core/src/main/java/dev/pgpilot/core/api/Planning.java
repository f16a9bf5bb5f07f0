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
 * Plain English to migrations: the catalog a request is planned against (pending migrations
 * replayed first), the plan, the draft with its lint, an edit, and writing it. {@link Pilot} delegates to it.
 */
final class Planning {
    private final Pilot pilot;

    Planning(Pilot pilot) {
        this.pilot = pilot;
    }

    /**
     * Reads the target database's catalog (schema public and the others a request may name) as it
     * will be once the pending migrations have run: a new file runs after them.
     */
    public dev.pgpilot.core.request.Catalog catalog() {
        java.util.List<dev.pgpilot.core.api.model.MigrationFile> files = pilot.workspace().migrations();
        try (java.sql.Connection c = pilot.database().connect()) {
            java.util.Set<String> pending = dev.pgpilot.core.engine.StatusCheck.of(files, new dev.pgpilot.core.engine.History(c).applied()).pending()
                    .stream().map(dev.pgpilot.core.api.model.StatusReport.Entry::version).collect(java.util.stream.Collectors.toSet());
            return dev.pgpilot.core.request.PendingCatalog.load(c, files, pending, () -> pilot.localDatabase().start());
        } catch (java.sql.SQLException e) {
            throw PilotException.error("cannot read the catalog of " + pilot.database().display() + ": " + e.getMessage(), null);
        }
    }

    /** Table and column names of the target as it is now (no pending replay): the shell's completion. */
    public SchemaNames schemaNames() {
        return SchemaNames.read(pilot.database());
    }

    /**
     * The schema the migrations describe, with no target database ({@code new --offline}): every
     * file replayed into a throwaway database on the embedded server.
     */
    public dev.pgpilot.core.request.Catalog offlineCatalog() {
        return dev.pgpilot.core.request.PendingCatalog.fromMigrations(pilot.localDatabase().start(), pilot.workspace().migrations());
    }

    /** Turns a plain-English request into a migration against the target's catalog; refuses what it cannot resolve. */
    public Plan plan(String request) {
        return plan(request, catalog());
    }

    public Plan plan(String request, dev.pgpilot.core.request.Catalog catalog) {
        // the LLM backend only when configured (pgpilot.yaml llm: or PGPILOT_LLM_BASE_URL); the offline parser otherwise
        dev.langchain4j.model.chat.ChatModel model = dev.pgpilot.core.request.LlmRequestParser.configuredModel(pilot.workspace().config().llm(), pilot.env());
        dev.pgpilot.core.request.ChangeSet set = model == null
                ? new dev.pgpilot.core.request.RequestParser(catalog).parse(request)
                : new dev.pgpilot.core.request.LlmRequestParser(model, catalog).parse(request);
        java.util.List<PlannedFile> files = new java.util.ArrayList<>();
        for (dev.pgpilot.core.api.model.MigrationSql m : new dev.pgpilot.core.render.MigrationRenderer(pilot.workspace().config().lockTimeout()).render(set, pilot.clock().instant())) {
            files.add(new PlannedFile(m, new MigrationName(pilot.projectFiles.nextVersion(), m.name(), false).fileName()));
        }
        return new Plan(files, set);
    }

    /**
     * Plans a request and lints the result against the schema the migrations describe: planning as one
     * call. {@code offline} plans against the migrations replayed on the embedded server instead of
     * the target's catalog.
     */
    public Draft draft(String request, boolean offline) {
        Plan plan = offline ? plan(request, offlineCatalog()) : plan(request);
        return new Draft(plan, pilot.lintPlan(plan));
    }

    /**
     * The draft with its files' up SQL edited by hand (the shell's {@code e}: {@code upSql} holds the
     * new text of each file, in order), linted again; the down scripts stay.
     */
    public Draft edit(Draft draft, java.util.List<String> upSql) {
        java.util.List<PlannedFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < draft.plan().files().size(); i++) {
            dev.pgpilot.core.api.model.MigrationSql m = draft.plan().files().get(i).migration();
            files.add(new PlannedFile(new dev.pgpilot.core.api.model.MigrationSql(m.name(), upSql.get(i), m.downSql(), m.requestText()),
                    draft.plan().files().get(i).fileName()));
        }
        Plan edited = new Plan(files, draft.plan().changes());
        return new Draft(edited, pilot.lintPlan(edited));
    }

    /** Writes the draft's migrations and down scripts, and with {@code rlsTest} the RLS test of its owner policies. */
    public Draft.Written write(Draft draft, boolean rlsTest) {
        java.util.List<Path> files = pilot.write(draft.plan());
        java.util.List<Draft.WrittenFile> written = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            PlannedFile f = draft.plan().files().get(i);
            written.add(new Draft.WrittenFile(MigrationName.parse(f.fileName()).version(), files.get(i), pilot.downScriptOf(f)));
        }
        RlsTestWritten rls = rlsTest ? pilot.writeRlsTest(draft.plan()) : null;
        return new Draft.Written(written, rls);
    }
}
