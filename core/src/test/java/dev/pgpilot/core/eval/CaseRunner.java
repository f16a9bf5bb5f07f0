package dev.pgpilot.core.eval;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one case the way {@code pgpilot new "<request>" --db-url URL} then {@code pgpilot up --yes}
 * do (Pilot.plan against the target's catalog, Pilot.write, Pilot.up), in-process, on a fresh copy
 * of the schema's template database and project folder.
 */
final class CaseRunner {
    private final SchemaTemplate template;
    private final Path work;

    CaseRunner(SchemaTemplate template, Path work) {
        this.template = template;
        this.work = work;
    }

    Outcome run(EvalCase c) throws Exception {
        long start = System.nanoTime();
        Path project = template.copyProject(work.resolve(c.schema() + "-" + c.id()));
        if (c.expect() != EvalCase.Expect.APPLY) {
            return timed(start, refusal(c, template.readOnlyDatabase(), project));
        }
        DatabaseTarget db = template.copyDatabase();
        try {
            return timed(start, apply(c, db, project));
        } finally {
            SchemaTemplate.drop(db);
        }
    }

    private Outcome apply(EvalCase c, DatabaseTarget db, Path project) throws Exception {
        Check.Result before = Check.run(db, c.check());
        if (before.isTrue()) {
            return new Outcome(c, false, "eval bug: the check is already true before the migration", "", "", List.of(), true, 0);
        }
        Pilot pilot = SchemaTemplate.pilot(project, db);
        Plan plan;
        try {
            plan = pilot.plan(c.request());
        } catch (PilotException e) {
            return fail(c, "refused (exit " + e.exitCode() + ")", said(e), "", List.of());
        } catch (RuntimeException e) {
            return fail(c, "planner crashed: " + e, "", "", List.of());
        }
        String sql = sqlOf(plan);
        // what `new` prints under the plan; `up` refuses the file when this has errors
        LintReport lint = pilot.lintPlan(plan);
        List<String> rules = lint.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
                .map(f -> f.ruleId() + (f.severity() == Severity.ERROR ? " (error)" : "")).toList();
        pilot.write(plan);
        try {
            pilot.up(UpOptions.all(), ApplyListener.NONE);
        } catch (PilotException e) {
            return fail(c, "up failed: " + Check.firstLine(e.getMessage()), said(e), sql, rules);
        }
        if (lint.hasErrors()) {
            String errors = lint.errors().stream().map(Finding::ruleId).distinct().reduce((a, b) -> a + ", " + b).orElse("");
            return fail(c, "lint errors: " + errors, "planned", sql, rules);
        }
        Check.Result after = Check.run(db, c.check());
        if (!after.isTrue()) {
            return fail(c, "check is " + after.value() + " after the migration", "planned", sql, rules);
        }
        return new Outcome(c, true, "", "planned", sql, rules, false, 0);
    }

    /** Every file of the plan, each under its name (most plans have one). */
    private static String sqlOf(Plan plan) {
        if (plan.files().size() == 1) return plan.migration().upSql();
        return String.join("\n", plan.files().stream().map(f -> "-- file " + f.fileName() + "\n" + f.migration().upSql()).toList());
    }

    /**
     * refuse and ask: exit 1, nothing written; ask also names every reading, refuse every mention.
     * noop: exit 0 ("already there, nothing to do", PilotException.NOTHING_TO_DO), nothing written.
     */
    private Outcome refusal(EvalCase c, DatabaseTarget db, Path project) throws Exception {
        Pilot pilot = SchemaTemplate.pilot(project, db);
        long filesBefore = sqlFiles(project);
        PilotException refused;
        try {
            Plan plan = pilot.plan(c.request());
            // the CLI would write this plan now: that is the failure, shown but not written
            return fail(c, "planned a migration instead of " + switch (c.expect()) {
                        case ASK -> "asking";
                        case NOOP -> "saying it is already there";
                        default -> "refusing";
                    },
                    "planned", sqlOf(plan), List.of());
        } catch (PilotException e) {
            refused = e;
        } catch (RuntimeException e) {
            return fail(c, "planner crashed: " + e, "", "", List.of());
        }
        String said = said(refused);
        int expected = c.expect() == EvalCase.Expect.NOOP ? PilotException.NOTHING_TO_DO : PilotException.REFUSED;
        if (refused.exitCode() != expected) {
            return fail(c, "exit " + refused.exitCode() + ", not " + expected, said, "", List.of());
        }
        if (sqlFiles(project) != filesBefore) {
            return fail(c, "a refused request wrote a file", said, "", List.of());
        }
        for (String reading : c.readings()) {
            if (!namesReading(said, reading)) return fail(c, "the refusal does not name the reading " + reading, said, "", List.of());
        }
        for (String m : mentions(c)) {
            if (!said.toLowerCase(Locale.ROOT).contains(m.toLowerCase(Locale.ROOT))) {
                return fail(c, "the refusal does not mention " + m, said, "", List.of());
            }
        }
        return new Outcome(c, true, "", said, "", List.of(), false, 0);
    }

    /** A data change is refused pointing at the hand-written way (issue 12): `new --empty NAME`. */
    static List<String> mentions(EvalCase c) {
        if (c.category().equals("refuse-data-change") && !c.mentions().contains("--empty")) {
            return Stream.concat(c.mentions().stream(), Stream.of("--empty")).toList();
        }
        return c.mentions();
    }

    /**
     * A reading is named when it appears as a whole name: "notes" matches "the table notes" but not
     * "tasks.notes" nor "notes_archive"; "tasks.notes" must appear qualified like that. Quotes around
     * it ("notes", `tasks.notes`) do not matter. Case-insensitive.
     */
    static boolean namesReading(String said, String reading) {
        Pattern p = Pattern.compile("(?<![\\w.])" + Pattern.quote(reading) + "(?![\\w]|\\.\\w)", Pattern.CASE_INSENSITIVE);
        return p.matcher(said).find();
    }

    private static String said(PilotException e) {
        return e.getMessage() + (e.hint() == null ? "" : "\nhint: " + e.hint());
    }

    private static Outcome fail(EvalCase c, String why, String output, String sql, List<String> rules) {
        return new Outcome(c, false, why, output, sql, rules, false, 0);
    }

    private static Outcome timed(long start, Outcome o) {
        return new Outcome(o.c(), o.passed(), o.why(), o.output(), o.sql(), o.lintRules(), o.evalBug(), (System.nanoTime() - start) / 1_000_000);
    }

    private static long sqlFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).count();
        }
    }
}
