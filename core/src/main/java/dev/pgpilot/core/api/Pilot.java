package dev.pgpilot.core.api;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The one entry point both front ends call. Each method does one user-level operation and either
 * returns a record describing the result or throws {@link PilotException}; the work is done by one
 * class per workflow ({@link ProjectFiles}, {@link Planning}, {@link Applying}, {@link Linting},
 * {@link Checks}), which this facade wires to the target and the workspace.
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

    private final Options options;
    private final Workspace workspace;
    private final Clock clock;
    private final Map<String, String> env;
    private TargetResolver.Resolved target;
    final ProjectFiles projectFiles = new ProjectFiles(this);
    final Planning planning = new Planning(this);
    final Applying applying = new Applying(this);
    final Checks checks = new Checks(this);
    final Linting linting = new Linting(this);

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

    /** Refuses (exit 2, nothing created) when the workdir is not a project: for commands that read one. */
    public void requireProject() {
        workspace.requireProject();
    }

    /** The project's migration files in version order, as read now. */
    public java.util.List<dev.pgpilot.core.api.model.MigrationFile> migrations() {
        return workspace.migrations();
    }

    /** The project folder. */
    public Path workdir() {
        return workspace.workdir();
    }

    Workspace workspace() {
        return workspace;
    }

    public Clock clock() {
        return clock;
    }

    Map<String, String> env() {
        return env;
    }

    TargetResolver resolver() {
        return dev.pgpilot.core.local.ProjectTargets.resolver(workspace, env);
    }

    /** The project's embedded server ({@code .pgpilot/local}), whether or not it runs. */
    dev.pgpilot.core.local.LocalDatabase localDatabase() {
        return dev.pgpilot.core.local.LocalDatabase.of(workspace);
    }

    /** The database this Pilot talks to, resolved (and the local one started) on first use. */
    synchronized TargetResolver.Resolved target() {
        if (target == null) {
            target = resolver().resolve(options.dbUrl(), options.env());
        }
        return target;
    }

    /** Where this Pilot connects: {@link #target()}'s database. */
    dev.pgpilot.core.target.DatabaseTarget database() {
        return target().target();
    }

    /** The project's embedded server, for {@code db start | stop | status | reset}. */
    public LocalServer localServer() {
        return new LocalServer(localDatabase(), workspace);
    }

    /** Where commands of this Pilot run (the local database started when it is the target). */
    public Where where() {
        TargetResolver.Resolved t = target();
        return new Where(t.target().display(), t.target().label(), t.isProtected() ? t.environment().name() : null);
    }

    // ---- projectFiles ----

    /** Creates the migrations folder and a commented {@code pgpilot.yaml}; keeps whatever exists. */
    public InitResult init() {
        return projectFiles.init();
    }

    /** Writes a blank migration from the house template: {@code new --empty NAME}. */
    public Path newEmpty(String name) {
        return projectFiles.newEmpty(name);
    }

    /** @see ProjectFiles#write */
    public java.util.List<Path> write(Plan plan) {
        return projectFiles.write(plan);
    }

    /** Where the down script of a migration file lives. */
    public Path downScriptOf(Path migration) {
        return projectFiles.downScriptOf(migration);
    }

    /** Where {@link #write} puts the down script of a plan's file. */
    public Path downScriptOf(PlannedFile file) {
        return projectFiles.downScriptOf(file);
    }

    /** Where {@link #write} puts the down script of the plan's first file. */
    public Path downScriptOf(Plan plan) {
        return projectFiles.downScriptOf(plan);
    }

    /** @see ProjectFiles#writeRlsTest */
    public RlsTestWritten writeRlsTest(Plan plan) {
        return projectFiles.writeRlsTest(plan);
    }

    // ---- planning ----

    /** Table and column names of the target as it is now (no pending replay): the shell's completion. */
    public SchemaNames schemaNames() {
        return planning.schemaNames();
    }

    /** Turns a plain-English request into a migration against the target's catalog; refuses what it cannot resolve. */
    public Plan plan(String request) {
        return planning.plan(request);
    }

    /** @see Planning#draft */
    public Draft draft(String request, boolean offline) {
        return planning.draft(request, offline);
    }

    /** @see Planning#edit */
    public Draft edit(Draft draft, java.util.List<String> upSql) {
        return planning.edit(draft, upSql);
    }

    /** Writes the draft's migrations and down scripts, and with {@code rlsTest} the RLS test of its owner policies. */
    public Draft.Written write(Draft draft, boolean rlsTest) {
        return planning.write(draft, rlsTest);
    }

    // ---- applying ----

    /** Applied, pending, modified, missing and out-of-order migrations of the target. */
    public dev.pgpilot.core.api.model.StatusReport status() {
        return applying.status();
    }

    /** Applies pending migrations ({@code up}); throws {@link PilotException} (exit 1) naming file and line on failure. */
    public dev.pgpilot.core.api.model.ApplyResult up(dev.pgpilot.core.api.model.UpOptions up, dev.pgpilot.core.api.model.ApplyListener listener) {
        return applying.up(up, listener);
    }

    /** What {@code up} will run, refused now when {@code up} would refuse it for lint errors (nothing runs). */
    public dev.pgpilot.core.api.model.ApplyResult upPreview(dev.pgpilot.core.api.model.UpOptions up) {
        return applying.upPreview(up);
    }

    /** Prepares {@code up}: what it will run and where, refused now for lint errors; nothing runs until {@link UpPlan#apply}. */
    public UpPlan prepareUp(dev.pgpilot.core.api.model.UpOptions up) {
        return applying.prepareUp(up);
    }

    /** What {@link #down} would revert, newest first (refuses when a down script is missing). */
    public java.util.List<dev.pgpilot.core.api.model.MigrationFile> downPlan(dev.pgpilot.core.api.model.DownOptions down) {
        return applying.downPlan(down);
    }

    /** The SQL a migration's down script runs (refuses when it has none). */
    public String downSql(dev.pgpilot.core.api.model.MigrationFile file) {
        return applying.downSql(file);
    }

    /** Reverts applied migrations with their down scripts. */
    public dev.pgpilot.core.api.model.DownResult down(dev.pgpilot.core.api.model.DownOptions down) {
        return applying.down(down);
    }

    /** @see Applying#query */
    public dev.pgpilot.core.api.model.QueryResult query(String text) {
        return applying.query(text);
    }

    /** Every recorded attempt (up, down, repair), oldest first. */
    public java.util.List<dev.pgpilot.core.api.model.HistoryEntry> history() {
        return applying.history();
    }

    /** Fixes the history of one version without running its SQL. */
    public dev.pgpilot.core.api.model.RepairResult repair(String version, dev.pgpilot.core.api.model.RepairStatus status) {
        return applying.repair(version, status);
    }

    // ---- checks ----

    /** {@code diff}: the target against its applied migrations, as the command prints it. */
    public DriftReport diff() {
        return checks.diff();
    }

    /** @see Checks#writeDrift */
    public DriftWritten writeDrift(String name) {
        return checks.writeDrift(name);
    }

    /** {@code status --env all}: every environment's history side by side. */
    public dev.pgpilot.core.api.model.EnvironmentMatrix environmentMatrix() {
        return checks.environmentMatrix();
    }

    /** Refuses {@code reset} before anyone is asked when the target may not be reset (a protected or remote one). */
    public void checkResetAllowed() {
        checks.checkResetAllowed();
    }

    /** {@code reset}: drops everything on the (resettable) target and re-applies every migration through the engine. */
    public dev.pgpilot.core.api.model.ResetResult reset() {
        return checks.reset();
    }

    /** @see Checks#typeScriptTypes */
    public String typeScriptTypes(java.util.List<String> schemas) {
        return checks.typeScriptTypes(schemas);
    }

    /** @see Checks#testRls */
    public java.util.List<dev.pgpilot.core.api.model.RlsTestResult> testRls(java.util.List<Path> files) {
        return checks.testRls(files);
    }

    /** {@code pgpilot test}: the named pgTAP files (none: every .sql under supabase/tests), each run on the target. */
    public java.util.List<dev.pgpilot.core.api.model.PgTapResult> pgTap(java.util.List<Path> files) {
        return checks.pgTap(files);
    }

    // ---- linting ----

    /** @see Linting#lint */
    public dev.pgpilot.core.api.model.LintReport lint(java.util.List<Path> paths, Map<String, dev.pgpilot.core.api.model.Severity> overrides) {
        return linting.lint(paths, overrides);
    }

    /** @see Linting#writeLintBaseline */
    public dev.pgpilot.core.api.model.LintReport writeLintBaseline(Map<String, dev.pgpilot.core.api.model.Severity> overrides) {
        return linting.writeLintBaseline(overrides);
    }

    /** @see Linting#lint */
    public dev.pgpilot.core.api.model.LintReport lint(java.util.List<Path> paths) {
        return linting.lint(paths);
    }

    /** @see Linting#lintPlan */
    public dev.pgpilot.core.api.model.LintReport lintPlan(String fileName, String sql) {
        return linting.lintPlan(fileName, sql);
    }

    /** Every file of a plan linted, each against the schema of the workspace and the plan's files before it. */
    public dev.pgpilot.core.api.model.LintReport lintPlan(Plan plan) {
        return linting.lintPlan(plan);
    }
}
