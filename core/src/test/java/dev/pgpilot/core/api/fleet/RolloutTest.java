package dev.pgpilot.core.api.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestJvm;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.local.LocalDatabase;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.fleet.TargetOutcome.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code up} over many real databases: every target reaches the same version, failures as the policy says. */
class RolloutTest {

    private static RolloutResult roll(Fleet f, Path targets, int parallel, Rollout.Policy policy, String canary) {
        return new Rollout(f.dir, "cli", "tester", Clock.systemUTC(), Map.of())
                .run(FleetSelection.fromFile(targets, Map.of()), new Rollout.Options(parallel, policy, canary, UpOptions.all()), RolloutListener.NONE);
    }

    private static List<State> states(RolloutResult r) {
        return r.outcomes().stream().map(TargetOutcome::state).toList();
    }

    @Test
    void fiftyDatabasesOnOneServerAndThreeOnASecondAllReachTheSameVersion() throws IOException {
        Fleet f = new Fleet().withDatabases(50);
        LocalDatabase second = new LocalDatabase(Files.createTempDirectory("pgpilot-second-server"), false);
        try {
            DatabaseTarget server = second.start();
            for (int i = 0; i < 3; i++) {
                LocalDatabase.createDatabase(server, "tenant_" + i);
                f.databases.add(server.withDatabase("tenant_" + i));
            }
            RolloutResult first = roll(f, f.targetsFile(), 4, Rollout.Policy.STOP_ON_FAILURE, null);
            assertEquals(List.of(), first.outcomes().stream().filter(o -> o.state() != State.APPLIED).toList());
            assertEquals(53, first.outcomes().size());
            for (DatabaseTarget db : f.databases) assertEquals(Fleet.MIGRATIONS, Fleet.appliedVersions(db), db.display());
            assertEquals(0, first.exitCode());

            RolloutResult again = roll(f, f.targetsFile(), 4, Rollout.Policy.STOP_ON_FAILURE, null);
            assertEquals(53, again.count(State.UP_TO_DATE), "a re-run applies nothing anywhere");
        } finally {
            second.stopImmediately();
        }
    }

    @Test
    void aFailureStopsTheRolloutTheSummaryNamesItAndARerunFinishesEveryTarget() {
        Fleet f = new Fleet().withDatabases(8);
        // target t05 already has a t3 table: its third migration fails there
        Fleet.exec(f.databases.get(4), "create table public.t3 (x int)");
        Path targets = f.targetsFile();

        RolloutResult r = roll(f, targets, 1, Rollout.Policy.STOP_ON_FAILURE, null);
        assertEquals(List.of(State.APPLIED, State.APPLIED, State.APPLIED, State.APPLIED, State.FAILED,
                State.SKIPPED, State.SKIPPED, State.SKIPPED), states(r));
        TargetOutcome failed = r.outcomes().get(4);
        assertEquals("t05", failed.target().name());
        assertEquals("20260101000003", failed.failedVersion());
        assertEquals(2, failed.applied().size(), "the two migrations before the failing one stay applied");
        assertEquals("not started: t05 failed", r.outcomes().get(5).message());
        assertEquals(1, r.exitCode());
        assertEquals(0, Fleet.appliedVersions(f.databases.get(5)), "a skipped target is untouched");

        Fleet.exec(f.databases.get(4), "drop table public.t3");
        RolloutResult rerun = roll(f, targets, 1, Rollout.Policy.STOP_ON_FAILURE, null);
        assertEquals(List.of(State.UP_TO_DATE, State.UP_TO_DATE, State.UP_TO_DATE, State.UP_TO_DATE, State.APPLIED,
                State.APPLIED, State.APPLIED, State.APPLIED), states(rerun));
        assertEquals(3, rerun.outcomes().get(4).applied().size(), "t05 continues from where it stood");
        for (DatabaseTarget db : f.databases) assertEquals(Fleet.MIGRATIONS, Fleet.appliedVersions(db));
    }

    @Test
    void withContinueEveryOtherTargetIsAppliedAndOnlyTheFailingOneIsReported() {
        Fleet f = new Fleet().withDatabases(10);
        Fleet.exec(f.databases.get(6), "create table public.t4 (x int)");
        RolloutResult r = roll(f, f.targetsFile(), 3, Rollout.Policy.CONTINUE, null);
        List<String> notApplied = r.outcomes().stream().filter(o -> o.state() != State.APPLIED).map(o -> o.target().name() + " " + o.state()).toList();
        assertEquals(List.of("t07 FAILED"), notApplied);
        assertEquals(1, r.exitCode());
    }

    @Test
    void aFailingCanaryStartsNoOtherTarget() {
        Fleet f = new Fleet().withDatabases(5);
        Fleet.exec(f.databases.get(2), "create table public.t1 (x int)");
        RolloutResult r = roll(f, f.targetsFile(), 4, Rollout.Policy.CONTINUE, "t03");
        assertEquals(List.of(State.SKIPPED, State.SKIPPED, State.FAILED, State.SKIPPED, State.SKIPPED), states(r));
        assertEquals("not started: canary t03 failed", r.outcomes().get(0).message());
        for (int i : new int[] {0, 1, 3, 4}) assertEquals(0, Fleet.appliedVersions(f.databases.get(i)));
    }

    @Test
    void aCanaryThatWorksGoesFirstThenTheRest() {
        Fleet f = new Fleet().withDatabases(4);
        List<String> order = new ArrayList<>();
        RolloutResult r = new Rollout(f.dir, "cli", "tester", Clock.systemUTC(), Map.of()).run(
                FleetSelection.fromFile(f.targetsFile(), Map.of()), new Rollout.Options(1, Rollout.Policy.STOP_ON_FAILURE, "t04", UpOptions.all()),
                new RolloutListener() {
                    @Override
                    public synchronized void started(FleetTarget target) {
                        order.add(target.name());
                    }
                });
        assertEquals(List.of("t04", "t01", "t02", "t03"), order);
        assertEquals(4, r.count(State.APPLIED));
        assertEquals(List.of("t01", "t02", "t03", "t04"), r.outcomes().stream().map(o -> o.target().name()).toList(), "reported in file order");
    }

    /** A server that accepts connections and never says a word: the worst kind of unreachable. */
    @Test
    void aServerThatNeverAnswersDoesNotStallTheOtherTargets() throws IOException {
        Fleet f = new Fleet().withDatabases(6);
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path targets = f.targetsFile("silent postgresql://postgres@127.0.0.1:" + silent.getLocalPort() + "/postgres");
            RolloutResult r = assertTimeoutPreemptively(Duration.ofSeconds(90),
                    () -> roll(f, targets, 2, Rollout.Policy.CONTINUE, null));
            assertEquals(6, r.count(State.APPLIED));
            TargetOutcome silentOne = r.outcomes().get(6);
            assertEquals(State.ERROR, silentOne.state());
            assertTrue(silentOne.message().startsWith("cannot connect to postgresql://postgres@127.0.0.1:" + silent.getLocalPort() + "/postgres"), silentOne.message());
        }
    }

    @Test
    void twoProcessesRollingOutAtOnceApplyEachMigrationOncePerTarget() throws Exception {
        Fleet f = new Fleet().withDatabases(10);
        Path targets = f.targetsFile();
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            procs.add(new ProcessBuilder(TestJvm.command(FleetProcess.class.getName(), f.dir.toString(), targets.toString(), "3"))
                    .redirectErrorStream(true).start());
        }
        for (Process p : procs) {
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "rollout process did not finish");
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), out);
        }
        for (DatabaseTarget db : f.databases) {
            assertEquals(Fleet.MIGRATIONS, Fleet.appliedVersions(db));
            assertEquals(Fleet.MIGRATIONS, Fleet.count(db, "select count(*) from pgpilot.migration_log where success and direction = 'up'"),
                    "each migration ran exactly once on " + db.display());
        }
    }

    @Test
    void aTargetsFileWithAnUnsetVariableIsRefusedBeforeAnythingRuns() {
        Fleet f = new Fleet().withDatabases(2);
        Path targets = f.targetsFile("TENANT_9_DATABASE_URL");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.pgpilot.core.PilotException.class,
                () -> FleetSelection.fromFile(targets, Map.of()));
        assertEquals("targets.txt:4: $TENANT_9_DATABASE_URL is not set", e.getMessage());
        assertEquals(0, Fleet.appliedVersions(f.databases.get(0)));
    }
}
