package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** `up` in separate JVMs against one database: what real concurrent deploys and crashes look like. */
class ProcessesTest {

    /**
     * The URL carries a 60 s login timeout (pgjdbc's URL parameter wins over pgpilot's 10 s default):
     * six JVMs logging in at once on a loaded 2-core CI machine took longer than 10 s, and this test
     * is about exactly-once under concurrency, not about login speed.
     */
    private static Process startUp(Project p) throws IOException {
        String url = p.url() + (p.url().contains("?") ? "&" : "?") + "loginTimeout=60";
        return new ProcessBuilder(TestJvm.command(UpProcess.class.getName(), p.dir.toString(), url)).redirectErrorStream(true).start();
    }

    private static String output(Process proc) throws IOException {
        return new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void sixConcurrentUpProcessesApplyThirtyMigrationsEachExactlyOnce() throws Exception {
        Project p = new Project();
        p.exec("create table public.applied_count (version text)");
        for (int i = 1; i <= 30; i++) {
            String v = String.format("202501010000%02d", i);
            p.write(v + "_m" + i + ".sql", "create table public.t" + i + " (id int);\ninsert into public.applied_count values ('" + v + "');");
        }
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < 6; i++) procs.add(startUp(p));
        int total = 0;
        for (Process proc : procs) {
            String out = output(proc);
            assertTrue(proc.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, proc.exitValue(), out);
            total += Integer.parseInt(out.lines().filter(l -> l.startsWith("applied ")).findFirst().orElseThrow().substring(8).trim());
        }
        assertEquals(30, total, "each migration applied by exactly one process");
        assertEquals(30, p.count("select count(*) from public.applied_count"));
        assertEquals(30, p.count("select count(distinct version) from public.applied_count"));
        assertEquals(30, p.count("select count(*) from supabase_migrations.schema_migrations"));
        assertEquals(30, p.count("select count(*) from pgpilot.migration_log where success"));
        assertEquals(0, p.count("select count(*) from pgpilot.migration_log where not success"));
    }

    @Test
    void killDashNineMidMigrationLeavesHistoryConsistentAndTheNextUpCompletes() throws Exception {
        Project p = new Project();
        p.write("20250101000000_first.sql", "create table public.first (id int);");
        p.write("20250102000000_slow.sql", "create table public.slow (id int);\n"
                + "select pg_sleep(case when to_regclass('public.go_fast') is null then 30 else 0 end);\n"
                + "insert into public.slow values (1);");
        Process proc = startUp(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.equals("starting 20250102000000")) break;
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (p.count("select count(*) from pg_stat_activity where query like '%pg_sleep(case%' and pid <> pg_backend_pid()") == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the slow migration never started");
            Applier.sleep(50);
        }
        new ProcessBuilder("kill", "-9", Long.toString(proc.pid())).start().waitFor();
        assertTrue(proc.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, proc.exitValue());
        // Nothing of the killed migration is visible; the one before it is complete.
        assertTrue(p.tableExists("public.first"));
        assertEquals(0, p.count("select count(*) from supabase_migrations.schema_migrations where version = '20250102000000'"));
        assertEquals(0, p.count("select count(*) from pgpilot.migration_log where version = '20250102000000'"));
        // The killed run's server session must not keep its transaction (and its lock on public.slow)
        // alive until the sleep ends: the next run only stays fast if the server noticed the client died.
        p.exec("create table public.go_fast ()");
        long t0 = System.nanoTime();
        Process next = startUp(p);
        String out = output(next);
        assertTrue(next.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, next.exitValue(), out);
        assertTrue(out.contains("applied 1"), out);
        assertTrue((System.nanoTime() - t0) / 1_000_000_000 < 25, "the killed run's transaction was cancelled, not waited out");
        assertEquals(1, p.count("select count(*) from public.slow"));
        assertEquals(2, p.count("select count(*) from supabase_migrations.schema_migrations"));
    }
}
