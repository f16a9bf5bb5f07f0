package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.UpOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The cancellation hook the shell's Ctrl-C uses: the running migration rolls back and is recorded; nothing after it runs. */
class ApplyCancelTest {

    @Test
    void cancellingASlowMigrationRollsItBackRecordsItAndStopsTheRun() throws Exception {
        Project p = new Project();
        p.write("20250101000000_fast.sql", "create table public.fast (id int);");
        p.write("20250102000000_slow.sql", "create table public.slow (id int);\nselect pg_sleep(30);");
        p.write("20250103000000_after.sql", "create table public.after_slow (id int);");
        AtomicReference<Runnable> cancel = new AtomicReference<>();
        CountDownLatch slowStarted = new CountDownLatch(1);
        ApplyListener listener = new ApplyListener() {
            @Override
            public void cancellable(Runnable c) {
                cancel.set(c);
            }

            @Override
            public void starting(MigrationFile file) {
                if (file.version().equals("20250102000000")) slowStarted.countDown();
            }
        };
        CompletableFuture<ApplyResult> run = CompletableFuture.supplyAsync(() -> p.pilot().up(UpOptions.all(), listener));
        assertTrue(slowStarted.await(60, TimeUnit.SECONDS));
        Thread.sleep(500); // let pg_sleep begin on the server
        cancel.get().run();
        // pg_sleep(30) outlasts the wait below: only an interrupted statement ends the run in time
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> run.get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof PilotException pe && pe.getMessage().contains("cancelled") && pe.exitCode() == PilotException.REFUSED,
                String.valueOf(e.getCause()));
        assertTrue(p.tableExists("public.fast"));
        assertFalse(p.tableExists("public.slow"), "the cancelled migration rolled back");
        assertFalse(p.tableExists("public.after_slow"), "nothing runs after a cancel");
        assertEquals(1, p.count("select count(*) from pgpilot.migration_log where version = '20250102000000' and not success"
                + " and error = 'cancelled by the user'"));
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250102000000'"));
        assertEquals(null, cancel.get(), "the hook is withdrawn when the run ends");
    }
}
