package dev.pgpilot.core.api.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationFile;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApprovalStoreTest {
    private static DatabaseTarget db;
    private static ApprovalStore store;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        store = new ApprovalStore(db);
    }

    static Approval plan(String requester, Instant expires) {
        String sql = "ALTER TABLE events ADD COLUMN notes text;\n";
        return new Approval(UUID.randomUUID().toString(), ApprovalKind.PLAN, null,
                new Snapshot("local", "postgresql://h:5432/db", "nothing applied", Map.of("20250101000000_a.sql", "ab")),
                List.of(new ApprovedFile("20260101000000_add_notes.sql", MigrationFile.checksum(sql), sql, "ALTER TABLE events DROP COLUMN notes;")),
                List.of(), "add a notes column to events", requester, Instant.parse("2026-01-01T00:00:00Z"), expires,
                ApprovalStatus.PENDING, null, null, null, null, null, null);
    }

    private static Approval plan(String requester) {
        return plan(requester, Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void storedRequestReadsBackAsExactlyWhatWasStored() {
        Approval a = plan("U1");
        ApprovalStore.Created c = store.create("k-stored", a);
        assertTrue(c.stored());
        assertEquals(a, c.approval(), "every field, the SQL and its checksum included");
        assertEquals(c.approval(), store.find(a.id()).orElseThrow());
        assertEquals(c.approval(), store.findByPrefix(a.shortId()).orElseThrow());
    }

    @Test
    void whenThePgpilotSchemaIsDroppedApprovalsAreGoneAndTheNextRequestIsStoredAgain() throws Exception {
        DatabaseTarget own = TestDatabase.fresh();
        ApprovalStore s = new ApprovalStore(own);
        Approval a = s.create("k-dropped", plan("U1")).approval();
        try (Connection c = own.connect(); Statement st = c.createStatement()) {
            st.execute("drop schema pgpilot cascade"); // what `supabase db reset` does to it
        }
        assertTrue(s.find(a.id()).isEmpty(), "a click on the old message finds no approval instead of failing");
        assertEquals(List.of(), s.withStatus(ApprovalStatus.PENDING));
        assertTrue(s.move(a.id(), ApprovalStatus.PENDING, ApprovalStatus.APPROVED, "U2", null).isEmpty());
        assertTrue(s.create("k-after", plan("U1")).stored());
    }

    @Test
    void sameRequestKeyStoredTwiceGivesTheFirstApprovalAndSaysSo() {
        Approval first = store.create("k-retry", plan("U1")).approval();
        ApprovalStore.Created again = store.create("k-retry", plan("U1"));
        assertFalse(again.stored());
        assertEquals(first.id(), again.approval().id());
    }

    @Test
    void idsAreGloballyUniqueSoTwoDatabasesNeverShareOne() throws Exception {
        ApprovalStore other = new ApprovalStore(TestDatabase.fresh());
        Approval here = store.create("k-here", plan("U1")).approval();
        Approval there = other.create("k-here", plan("U1")).approval();
        assertNotEquals(here.id(), there.id());
        assertTrue(other.find(here.id()).isEmpty(), "an id from one database is unknown in another");
    }

    @Test
    void concurrentApprovalsLetExactlyOneCallerWin() throws Exception {
        Approval a = store.create("k-race", plan("U1")).approval();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Approval>>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String user = "U" + (100 + i);
            ApprovalStatus to = i % 2 == 0 ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
            Callable<Optional<Approval>> call = () -> {
                start.await();
                return store.move(a.id(), ApprovalStatus.PENDING, to, user, null);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<Approval> winners = new ArrayList<>();
        for (Future<Optional<Approval>> f : results) {
            f.get().ifPresent(winners::add);
        }
        pool.shutdown();
        assertEquals(1, winners.size(), "exactly one move must win");
        Approval stored = store.find(a.id()).orElseThrow();
        assertEquals(winners.get(0).decidedBy(), stored.decidedBy());
        assertEquals(winners.get(0).status(), stored.status());
    }

    @Test
    void approvedRowFinishesOnceAndRejectedRowNever() {
        Approval approved = store.create("k-finish", plan("U1")).approval();
        store.move(approved.id(), ApprovalStatus.PENDING, ApprovalStatus.APPROVED, "U2", null).orElseThrow();
        assertEquals(ApprovalStatus.APPLIED, store.finish(approved.id(), ApprovalStatus.APPLIED, "applied").orElseThrow().status());
        assertFalse(store.finish(approved.id(), ApprovalStatus.FAILED, "second run").isPresent());

        Approval rejected = store.create("k-reject", plan("U1")).approval();
        assertEquals("not now", store.move(rejected.id(), ApprovalStatus.PENDING, ApprovalStatus.REJECTED, "U2", "not now").orElseThrow().reason());
        assertFalse(store.move(rejected.id(), ApprovalStatus.PENDING, ApprovalStatus.APPROVED, "U3", null).isPresent());
        assertFalse(store.finish(rejected.id(), ApprovalStatus.APPLIED, null).isPresent());
    }

    @Test
    void pendingRequestsPastTheirTimeExpireAndOnlyThose() {
        Approval old = store.create("k-old", plan("U1", Instant.now().minusSeconds(5))).approval();
        Approval fresh = store.create("k-fresh", plan("U1")).approval();
        List<String> expired = store.expire(Instant.now()).stream().map(Approval::id).toList();
        assertTrue(expired.contains(old.id()), expired.toString());
        assertFalse(expired.contains(fresh.id()), expired.toString());
        assertEquals(ApprovalStatus.EXPIRED, store.find(old.id()).orElseThrow().status());
    }

    @Test
    void firstVersionOfTheTableIsKeptAsideInsteadOfMisread() throws Exception {
        DatabaseTarget legacy = TestDatabase.fresh();
        try (Connection c = legacy.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA pgpilot; CREATE TABLE pgpilot.approvals (id bigint PRIMARY KEY, plan_sql text); "
                    + "INSERT INTO pgpilot.approvals VALUES (8, 'select 1')");
        }
        ApprovalStore upgraded = new ApprovalStore(legacy);
        assertFalse(upgraded.exists());
        upgraded.create("k-new", plan("U1"));
        try (Connection c = legacy.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pgpilot.approvals_v1 WHERE id = 8")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
    }

    @Test
    void slackMessageIsRememberedForTheLaterUpdate() {
        Approval a = store.create("k-msg", plan("U1")).approval();
        store.attachMessage(a.id(), "C1", "1700000000.000100");
        Approval stored = store.find(a.id()).orElseThrow();
        assertEquals("C1", stored.slackChannel());
        assertEquals("1700000000.000100", stored.slackTs());
    }
}
