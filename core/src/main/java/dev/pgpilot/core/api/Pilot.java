package dev.pgpilot.core.api;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.render.Templates;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.workspace.MigrationName;
import dev.pgpilot.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one entry point both front ends call. Each method does one user-level operation and either
 * returns a record describing the result or throws {@link PilotException}.
 */
public final class Pilot {
    /**
     * @param workdir project folder
     * @param dbUrl   explicit database URL (wins over everything), may be null
     * @param env     environment name, may be null
     * @param source  who drives pgpilot: cli, shell or slack (recorded in the history)
     * @param actor   the person (OS user or Slack user id), recorded in the history
     */
    public record Options(Path workdir, String dbUrl, String env, String source, String actor) {
        public static Options cli(Path workdir) {
            return new Options(workdir, null, null, "cli", System.getProperty("user.name"));
        }
    }

    private static final Pattern SAFE_NAME = Pattern.compile("^[a-z0-9]+(_[a-z0-9]+)*$");

    private final Options options;
    private final Workspace workspace;
    private final Clock clock;
    private final Map<String, String> env;
    private TargetResolver.Resolved target;

    public Pilot(Options options) {
        this(options, Clock.systemUTC(), System.getenv());
    }

    public Pilot(Options options, Clock clock, Map<String, String> env) {
        this.options = options;
        this.workspace = Workspace.open(options.workdir());
        this.clock = clock;
        this.env = env;
    }

    public Options options() {
        return options;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Clock clock() {
        return clock;
    }

    public TargetResolver resolver() {
        return new TargetResolver(workspace, env, () -> localDatabase().start());
    }

    /** The project's embedded server ({@code .pgpilot/local}), whether or not it runs. */
    public dev.pgpilot.core.local.LocalDatabase localDatabase() {
        return dev.pgpilot.core.local.LocalDatabase.of(workspace);
    }

    /** The database this Pilot talks to, resolved (and the local one started) on first use. */
    public synchronized TargetResolver.Resolved target() {
        if (target == null) {
            target = resolver().resolve(options.dbUrl(), options.env());
        }
        return target;
    }

    /** What {@link #init()} did. */
    public record InitResult(Path migrationsDir, Path configFile, boolean createdConfig) {}

    /** Creates the migrations folder and a commented {@code pgpilot.yaml}; keeps whatever exists. */
    public InitResult init() {
        Path dir = workspace.migrationsDir();
        Path cfg = workspace.workdir().resolve(Config.FILE_NAME);
        try {
            Files.createDirectories(dir);
            boolean created = false;
            if (!Files.exists(cfg)) {
                Files.writeString(cfg, Templates.load("pgpilot.yaml"));
                created = true;
            }
            return new InitResult(dir, cfg, created);
        } catch (IOException e) {
            throw PilotException.error("cannot initialise " + workspace.workdir() + ": " + e.getMessage(), null);
        }
    }

    /**
     * The next free version: now (UTC), or one second after the newest existing or already handed-out
     * version, allocated under a lock so concurrent plans (threads or processes) never share one.
     */
    public String nextVersion() {
        return new dev.pgpilot.core.workspace.VersionAllocator(workspace).next(clock.instant());
    }

    /** Writes a blank migration from the house template: {@code new --empty NAME}. */
    public Path newEmpty(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw PilotException.refused("bad migration name: " + name, "use lower snake_case, e.g. add_notes_to_events");
        }
        Path dir = workspace.migrationsDir();
        String version = nextVersion();
        MigrationName mn = new MigrationName(version, name, false);
        Path file = dir.resolve(mn.fileName());
        String created = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String body = Templates.load("empty.sql").replace("{{name}}", name).replace("{{created}}", created);
        String down = Templates.load("empty.down.sql").replace("{{name}}", name);
        try {
            Files.createDirectories(dir);
            Path downFile = workspace.downScriptOf(mn);
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

    // ---- migration engine (status, up, down, history, repair) ----

    private dev.pgpilot.core.engine.Session session() {
        return new dev.pgpilot.core.engine.Session(workspace, target().target(), options.source(), options.actor(), clock);
    }

    /** Applied, pending, modified, missing and out-of-order migrations of the target. */
    public dev.pgpilot.core.engine.StatusReport status() {
        dev.pgpilot.core.target.DatabaseTarget t = target().target();
        // Connecting and querying the history overlap with reading and hashing the files: with thousands
        // of migrations each takes a good part of status's time.
        java.util.concurrent.CompletableFuture<java.util.List<dev.pgpilot.core.engine.History.AppliedVersion>> history =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> applied(t), Pilot::onOwnThread);
        java.util.List<dev.pgpilot.core.workspace.MigrationFile> files = workspace.migrations();
        try {
            return dev.pgpilot.core.engine.StatusReport.of(files, history.join());
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private static java.util.List<dev.pgpilot.core.engine.History.AppliedVersion> applied(dev.pgpilot.core.target.DatabaseTarget t) {
        try (java.sql.Connection c = t.connect()) {
            return new dev.pgpilot.core.engine.History(c).applied();
        } catch (java.sql.SQLException e) {
            throw PilotException.error("cannot read the history of " + t.display() + ": " + e.getMessage().split("\n")[0], null);
        }
    }

    // Not the common pool: it may have a single worker, which the files' parallel read needs.
    private static void onOwnThread(Runnable r) {
        Thread th = new Thread(r, "pgpilot-history");
        th.setDaemon(true);
        th.start();
    }

    /**
     * Applies pending migrations ({@code up}); throws {@link PilotException} (exit 1) naming file and line on failure.
     * The warnings end with a notice for each local stand-in extension the run installed.
     */
    public dev.pgpilot.core.engine.ApplyResult up(dev.pgpilot.core.engine.UpOptions up, dev.pgpilot.core.engine.ApplyListener listener) {
        dev.pgpilot.core.target.DatabaseTarget t = target().target();
        java.util.List<dev.pgpilot.core.local.LocalStandIns.StandIn> before =
                up.dryRun() ? java.util.List.of() : dev.pgpilot.core.local.LocalStandIns.ofOrNone(t);
        dev.pgpilot.core.engine.ApplyResult r = new dev.pgpilot.core.engine.Applier(session()).up(up, listener);
        java.util.List<String> notices = up.dryRun() || r.applied().isEmpty() ? java.util.List.of()
                : dev.pgpilot.core.local.LocalStandIns.notices(before, dev.pgpilot.core.local.LocalStandIns.ofOrNone(t));
        if (notices.isEmpty()) return r;
        java.util.List<String> warnings = new java.util.ArrayList<>(r.warnings());
        warnings.addAll(notices);
        return new dev.pgpilot.core.engine.ApplyResult(r.target(), r.planned(), r.applied(), java.util.List.copyOf(warnings), r.dryRun());
    }

    /** What {@code up} will run, refused now when {@code up} would refuse it for lint errors (nothing runs). */
    public dev.pgpilot.core.engine.ApplyResult upPreview(dev.pgpilot.core.engine.UpOptions up) {
        return new dev.pgpilot.core.engine.Applier(session()).preview(up, dev.pgpilot.core.engine.ApplyListener.NONE);
    }

    /** Prepares {@code up}: what it will run and where, refused now for lint errors; nothing runs until {@link UpPlan#apply}. */
    public UpPlan prepareUp(dev.pgpilot.core.engine.UpOptions up) {
        dev.pgpilot.core.engine.ApplyResult preview = upPreview(up);
        TargetResolver.Resolved t = target();
        return new UpPlan(this, up, preview, t.isProtected() ? t.environment().name() : null);
    }

    /**
     * Applies the pending migrations to {@code target} (reset's fresh database, whose address may differ
     * from the resolved one after a restart) through the engine, so the history records them as {@code up} does.
     */
    public dev.pgpilot.core.engine.ApplyResult upOn(dev.pgpilot.core.target.DatabaseTarget target, dev.pgpilot.core.engine.UpOptions up) {
        return new dev.pgpilot.core.engine.Applier(new dev.pgpilot.core.engine.Session(workspace, target, options.source(), options.actor(), clock))
                .up(up, dev.pgpilot.core.engine.ApplyListener.NONE);
    }

    /** What {@link #down} would revert, newest first (refuses when a down script is missing). */
    public java.util.List<dev.pgpilot.core.workspace.MigrationFile> downPlan(dev.pgpilot.core.engine.Rollback.DownOptions down) {
        return new dev.pgpilot.core.engine.Rollback(session()).plan(down);
    }

    /** Reverts applied migrations with their down scripts. */
    public dev.pgpilot.core.engine.Rollback.DownResult down(dev.pgpilot.core.engine.Rollback.DownOptions down) {
        return new dev.pgpilot.core.engine.Rollback(session()).down(down);
    }

    /**
     * {@code sql}: one query, or a meta-command ({@code \d}, {@code \dt}, {@code \d TABLE}), run on
     * the target in a read-only transaction with a statement timeout.
     */
    public dev.pgpilot.core.query.QueryResult query(String text) {
        dev.pgpilot.core.target.DatabaseTarget t = target().target();
        return dev.pgpilot.core.query.MetaCommand.isMeta(text)
                ? dev.pgpilot.core.query.MetaCommand.parse(text).run(t)
                : dev.pgpilot.core.query.ReadOnlyQuery.run(t, text);
    }

    /** Every recorded attempt (up, down, repair), oldest first. */
    public java.util.List<dev.pgpilot.core.engine.History.Entry> history() {
        try (java.sql.Connection c = target().target().connect()) {
            return new dev.pgpilot.core.engine.History(c).entries();
        } catch (java.sql.SQLException e) {
            throw PilotException.error("cannot read the history of " + target().target().display() + ": " + e.getMessage().split("\n")[0], null);
        }
    }

    /** Fixes the history of one version without running its SQL. */
    public dev.pgpilot.core.engine.Repair.RepairResult repair(String version, dev.pgpilot.core.engine.Repair.Status status) {
        return new dev.pgpilot.core.engine.Repair(session()).repair(version, status);
    }

    // ---- drift, environments, reset ----

    /** {@code diff}: the target against its applied migrations replayed on a shadow of the embedded server. */
    public dev.pgpilot.core.drift.Drift.Result drift() {
        return dev.pgpilot.core.drift.Drift.checkApplied(workspace::migrations, () -> localDatabase().start(), target().target());
    }

    /**
     * What {@link #writeDrift} did.
     *
     * @param drift        the comparison it wrote from
     * @param file         the migration written, null when none was
     * @param notExpressed drift that no migration here can express (to do by hand)
     */
    public record DriftWritten(dev.pgpilot.core.drift.Drift.Result drift, Path file, java.util.List<String> notExpressed) {}

    /**
     * {@code diff --write NAME}: a migration (from the house template, with its down script) that
     * brings the migrations in line with the target; nothing is written when there is no drift or
     * none of it can be expressed.
     */
    public DriftWritten writeDrift(String name) {
        dev.pgpilot.core.drift.Drift.Result r = drift();
        dev.pgpilot.core.drift.DriftMigration m = dev.pgpilot.core.drift.DriftMigration.from(r.diff());
        if (m.isEmpty()) {
            return new DriftWritten(r, null, m.notExpressed());
        }
        Path file = newEmpty(name);
        try {
            // the template's body gives way to the drift's SQL; its down script stays as written
            String header = "-- " + name + ": brings the migrations in line with " + target().target().label()
                    + " (written by pgpilot diff --write)\n\n";
            Files.writeString(file, header + m.sql());
        } catch (IOException e) {
            throw PilotException.error("cannot write " + file + ": " + e.getMessage(), null);
        }
        return new DriftWritten(r, file, m.notExpressed());
    }

    /** {@code status --env all}: every environment's history side by side. */
    public dev.pgpilot.core.drift.EnvironmentMatrix environmentMatrix() {
        return dev.pgpilot.core.drift.EnvironmentMatrix.read(workspace, resolver(), localDatabase().state().initialized());
    }

    /** {@code reset}: drops everything on the (resettable) target and re-applies every migration through the engine. */
    public dev.pgpilot.core.drift.Reset.Result reset() {
        return dev.pgpilot.core.drift.Reset.run(target(), workspace, localDatabase(),
                fresh -> upOn(fresh, new dev.pgpilot.core.engine.UpOptions(null, false, true, true)));
    }

    // ---- plain-English requests (issue 4)

    /**
     * The migrations a request planned and the file names they will get, in the order they run;
     * nothing is written yet. Usually one; two when indexes on existing tables are built (or
     * constraints validated) in a migration of their own outside a transaction.
     *
     * @param changes what the request resolved to (null for a plan rebuilt from stored SQL)
     */
    public record Plan(java.util.List<PlannedFile> files, dev.pgpilot.core.request.ChangeSet changes) {
        public Plan {
            files = java.util.List.copyOf(files);
            if (files.isEmpty()) throw new IllegalArgumentException("a plan has at least one file");
        }

        /** One file, e.g. rebuilt from an approval's stored SQL or edited in the shell. */
        public Plan(dev.pgpilot.core.render.Migration migration, String fileName) {
            this(java.util.List.of(new PlannedFile(migration, fileName)), null);
        }

        /** The first file's migration (the only one of most plans). */
        public dev.pgpilot.core.render.Migration migration() {
            return files.get(0).migration();
        }

        public String fileName() {
            return files.get(0).fileName();
        }

        public String downFileName() {
            return files.get(0).downFileName();
        }
    }

    /** One migration of a plan and its file name. */
    public record PlannedFile(dev.pgpilot.core.render.Migration migration, String fileName) {
        public String downFileName() {
            return fileName.replaceFirst("\\.sql$", ".down.sql");
        }
    }

    /**
     * Reads the target database's catalog (schema public and the others a request may name) as it
     * will be once the pending migrations have run: a new file runs after them.
     */
    public dev.pgpilot.core.request.Catalog catalog() {
        java.util.List<dev.pgpilot.core.workspace.MigrationFile> files = workspace.migrations();
        try (java.sql.Connection c = target().target().connect()) {
            java.util.Set<String> pending = dev.pgpilot.core.engine.StatusReport.of(files, new dev.pgpilot.core.engine.History(c).applied()).pending()
                    .stream().map(dev.pgpilot.core.engine.StatusReport.Entry::version).collect(java.util.stream.Collectors.toSet());
            return dev.pgpilot.core.request.PendingCatalog.load(c, files.stream().filter(f -> pending.contains(f.version())).toList());
        } catch (java.sql.SQLException e) {
            throw PilotException.error("cannot read the catalog of " + target().target().display() + ": " + e.getMessage(), null);
        }
    }

    /** Table and column names of the target as it is now (no pending replay): the shell's completion. */
    public SchemaNames schemaNames() {
        return SchemaNames.read(target().target());
    }

    /**
     * The schema the migrations describe, with no target database ({@code new --offline}): every
     * file replayed into a throwaway database on the embedded server.
     */
    public dev.pgpilot.core.request.Catalog offlineCatalog() {
        return dev.pgpilot.core.request.PendingCatalog.fromMigrations(localDatabase().start(), workspace.migrations());
    }

    /** Turns a plain-English request into a migration against the target's catalog; refuses what it cannot resolve. */
    public Plan plan(String request) {
        return plan(request, catalog());
    }

    public Plan plan(String request, dev.pgpilot.core.request.Catalog catalog) {
        // the LLM backend only when configured (pgpilot.yaml llm: or PGPILOT_LLM_BASE_URL); the offline parser otherwise
        dev.langchain4j.model.chat.ChatModel model = dev.pgpilot.core.request.LlmRequestParser.configuredModel(workspace.config().llm(), env);
        dev.pgpilot.core.request.ChangeSet set = model == null
                ? new dev.pgpilot.core.request.RequestParser(catalog).parse(request)
                : new dev.pgpilot.core.request.LlmRequestParser(model, catalog).parse(request);
        java.util.List<PlannedFile> files = new java.util.ArrayList<>();
        for (dev.pgpilot.core.render.Migration m : new dev.pgpilot.core.render.MigrationRenderer(workspace.config().lockTimeout()).render(set, clock.instant())) {
            files.add(new PlannedFile(m, new MigrationName(nextVersion(), m.name(), false).fileName()));
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
        return new Draft(plan, lintPlan(plan));
    }

    /**
     * The draft with its files' up SQL edited by hand (the shell's {@code e}: {@code upSql} holds the
     * new text of each file, in order), linted again; the down scripts stay.
     */
    public Draft edit(Draft draft, java.util.List<String> upSql) {
        java.util.List<PlannedFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < draft.plan().files().size(); i++) {
            dev.pgpilot.core.render.Migration m = draft.plan().files().get(i).migration();
            files.add(new PlannedFile(new dev.pgpilot.core.render.Migration(m.name(), upSql.get(i), m.downSql(), m.requestText()),
                    draft.plan().files().get(i).fileName()));
        }
        Plan edited = new Plan(files, draft.plan().changes());
        return new Draft(edited, lintPlan(edited));
    }

    /** Writes the draft's migrations and down scripts, and with {@code rlsTest} the RLS test of its owner policies. */
    public Draft.Written write(Draft draft, boolean rlsTest) {
        java.util.List<Path> files = write(draft.plan());
        java.util.List<Draft.WrittenFile> written = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            PlannedFile f = draft.plan().files().get(i);
            written.add(new Draft.WrittenFile(MigrationName.parse(f.fileName()).version(), files.get(i), downScriptOf(f)));
        }
        RlsTestWritten rls = rlsTest ? writeRlsTest(draft.plan()) : null;
        return new Draft.Written(written, rls);
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
                Path file = workspace.migrationsDir().resolve(f.fileName());
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

    /** Where {@link #write} puts the down script of a plan's file. */
    public Path downScriptOf(PlannedFile file) {
        return workspace.downScriptOf(file.fileName());
    }

    /** Where {@link #write} puts the down script of the plan's first file. */
    public Path downScriptOf(Plan plan) {
        return downScriptOf(plan.files().get(0));
    }

    /** What {@link #writeRlsTest} wrote (file null: nothing) and what it left out, with the reason. */
    public record RlsTestWritten(Path file, java.util.List<String> skipped) {}

    /**
     * {@code new --rls-test}: writes {@code supabase/tests/rls/<migration>.yaml} checking the plan's
     * owner policies (the owner sees and changes their row, another user does not).
     */
    public RlsTestWritten writeRlsTest(Plan plan) {
        if (plan.changes() == null) {
            return new RlsTestWritten(null, java.util.List.of("this plan was not made from a request"));
        }
        String title = plan.fileName().replaceFirst("\\.sql$", "");
        dev.pgpilot.core.rlstest.OwnerRlsTest.Result r = dev.pgpilot.core.rlstest.OwnerRlsTest.generate(plan.changes(), catalog(), title);
        if (r.yaml() == null) {
            return new RlsTestWritten(null, r.skipped());
        }
        Path file = workspace.workdir().resolve(dev.pgpilot.core.rlstest.RlsTestFolder.DIR).resolve(title + ".yaml");
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

    /**
     * {@code test-rls}: the named test files (relative to the workdir; none: every file of
     * {@code supabase/tests/rls}), each run on the target in a rolled-back transaction.
     */
    public java.util.List<dev.pgpilot.core.rlstest.RlsTestRunner.FileResult> testRls(java.util.List<Path> files) {
        java.util.List<dev.pgpilot.core.rlstest.RlsTestFile> tests = dev.pgpilot.core.rlstest.RlsTestFolder.load(workspace.workdir(), files);
        return dev.pgpilot.core.rlstest.RlsTestRunner.run(target().target(), tests);
    }

    /**
     * Lints files or folders (none: every migration of the workspace), with severities from the
     * config and then {@code overrides} (the command's {@code --rule ID=SEVERITY}).
     */
    public dev.pgpilot.core.lint.LintReport lint(java.util.List<Path> paths, Map<String, dev.pgpilot.core.lint.Severity> overrides) {
        dev.pgpilot.core.lint.run.Linter linter = dev.pgpilot.core.lint.run.Linter.forWorkspace(workspace, overrides);
        if (paths == null || paths.isEmpty()) {
            return linter.lint(workspace);
        }
        java.util.List<dev.pgpilot.core.lint.LintReport> parts = new java.util.ArrayList<>();
        for (Path p : paths) {
            // A relative path is taken from the current directory, else from the workdir.
            Path file = p.isAbsolute() || Files.exists(p) ? p : workspace.workdir().resolve(p);
            parts.add(linter.lintFile(file, workspace));
        }
        return dev.pgpilot.core.lint.LintReport.merge(parts);
    }

    /**
     * {@code lint --baseline}: lints every migration reporting every finding (accepted ones too) and
     * writes them all to the project's {@link dev.pgpilot.core.lint.run.LintBaseline}, which every gate then
     * ignores. A lint that failed on some file accepts nothing (exit 2).
     */
    public dev.pgpilot.core.lint.LintReport writeLintBaseline(Map<String, dev.pgpilot.core.lint.Severity> overrides) {
        dev.pgpilot.core.lint.LintReport report = dev.pgpilot.core.lint.run.Linter.withoutBaseline(workspace, overrides).lint(workspace);
        report.refuseIfFailed();
        dev.pgpilot.core.lint.run.LintBaseline.write(workspace.workdir(), report);
        return report;
    }

    public dev.pgpilot.core.lint.LintReport lint(java.util.List<Path> paths) {
        return lint(paths, Map.of());
    }

    /**
     * Lints a planned migration that is not written yet, against the schema the workspace's
     * migrations describe: {@code new} prints it and {@code up} refuses on {@code hasErrors()}.
     */
    public dev.pgpilot.core.lint.LintReport lintPlan(String fileName, String sql) {
        dev.pgpilot.core.lint.run.Linter linter = dev.pgpilot.core.lint.run.Linter.forWorkspace(workspace);
        return linter.lintSql(fileName, sql, dev.pgpilot.core.lint.run.Linter.modelOf(workspace.migrations()));
    }

    /** Every file of a plan linted, each against the schema of the workspace and the plan's files before it. */
    public dev.pgpilot.core.lint.LintReport lintPlan(Plan plan) {
        dev.pgpilot.core.lint.run.Linter linter = dev.pgpilot.core.lint.run.Linter.forWorkspace(workspace);
        dev.pgpilot.core.lint.SchemaModel model = dev.pgpilot.core.lint.run.Linter.modelOf(workspace.migrations());
        java.util.List<dev.pgpilot.core.lint.LintReport> parts = new java.util.ArrayList<>();
        for (PlannedFile f : plan.files()) {
            parts.add(linter.lintSql(f.fileName(), f.migration().upSql(), model));
            model.applyScript(f.migration().upSql());
        }
        return dev.pgpilot.core.lint.LintReport.merge(parts);
    }
}
