package dev.pgpilot.core.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.db.DatabaseTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static ApprovalRequest plan(String key, String requester) {
        return new ApprovalRequest(key, ApprovalKind.PLAN, "local", "add a notes column to events", null,
                "20260101000000_add_notes.sql", "add_notes", "ALTER TABLE events ADD COLUMN notes text;",
                "ALTER TABLE events DROP COLUMN notes;", requester, "lint: no findings");
    }

    @Test
    void storedRequestIsPendingWithTheChecksumOfItsSql() {
        Approval a = store.create(plan("k-stored", "U1"));
        assertEquals(ApprovalStatus.PENDING, a.status());
        assertEquals("U1", a.requestedBy());
        assertTrue(a.sqlMatchesChecksum());
        assertEquals(a, store.find(a.id()).orElseThrow());
    }

    @Test
    void sameRequestKeyStoredTwiceGivesOneApproval() {
        Approval first = store.create(plan("k-retry", "U1"));
        Approval again = store.create(plan("k-retry", "U1"));
        assertEquals(first.id(), again.id());
    }

    @Test
    void concurrentApprovalsLetExactlyOneCallerWin() throws Exception {
        Approval a = store.create(plan("k-race", "U1"));
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Approval>>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String user = "U" + (100 + i);
            boolean approve = i % 2 == 0;
            Callable<Optional<Approval>> call = () -> {
                start.await();
                return store.decide(a.id(), user, approve, null);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<Approval> winners = new ArrayList<>();
        for (Future<Optional<Approval>> f : results) {
            f.get().ifPresent(winners::add);
        }
        pool.shutdown();
        assertEquals(1, winners.size(), "exactly one decide() must win");
        Approval stored = store.find(a.id()).orElseThrow();
        assertEquals(winners.get(0).decidedBy(), stored.decidedBy());
        assertEquals(winners.get(0).status(), stored.status());
    }

    @Test
    void approvedRowFinishesOnceAndRejectedRowNever() {
        Approval approved = store.create(plan("k-finish", "U1"));
        store.decide(approved.id(), "U2", true, null).orElseThrow();
        assertEquals(ApprovalStatus.APPLIED, store.finish(approved.id(), true, null).orElseThrow().status());
        assertFalse(store.finish(approved.id(), false, "second run").isPresent());

        Approval rejected = store.create(plan("k-reject", "U1"));
        assertEquals(ApprovalStatus.REJECTED, store.decide(rejected.id(), "U2", false, "not now").orElseThrow().status());
        assertFalse(store.decide(rejected.id(), "U3", true, null).isPresent());
        assertFalse(store.finish(rejected.id(), true, null).isPresent());
    }

    @Test
    void slackMessageIsRememberedForTheLaterUpdate() {
        Approval a = store.create(plan("k-msg", "U1"));
        store.attachMessage(a.id(), "C1", "1700000000.000100");
        Approval stored = store.find(a.id()).orElseThrow();
        assertEquals("C1", stored.slackChannel());
        assertEquals("1700000000.000100", stored.slackTs());
    }
}
