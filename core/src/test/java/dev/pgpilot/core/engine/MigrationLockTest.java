package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.UpOptions;
import org.junit.jupiter.api.Test;

/**
 * The migration lock lives in a session of its own: when that session goes (pg_terminate_backend, a
 * proxy or idle_session_timeout reaping an idle connection) the lock goes with it and a second run
 * could start. A run checks it still holds the lock before each migration and stops cleanly when it
 * does not; the lock's connection is kept busy so that idle reapers leave it alone.
 */
class MigrationLockTest {
    /** The backend that holds pgpilot's advisory lock (key split into classid/objid as pg_locks shows a bigint key). */
    private static final String LOCK_HOLDER = "select pid from pg_locks where locktype = 'advisory' and granted"
            + " and classid = " + (MigrationLock.KEY >>> 32) + " and objid = " + (MigrationLock.KEY & 0xffffffffL);

    @Test
    void aRunWhoseLockBackendIsTerminatedStopsBeforeTheNextMigrationAndAPlainUpFinishes() {
        Project p = new Project();
        p.write("20250101000000_one.sql", "create table public.one (id int);");
        p.write("20250102000000_two.sql", "create table public.two (id int);");
        p.write("20250103000000_three.sql", "create table public.three (id int);");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), new ApplyListener() {
            @Override
            public void applied(MigrationFile file, long millis) {
                if (file.version().equals("20250101000000")) {
                    assertEquals(1, p.count("select count(pg_terminate_backend(pid)) from (" + LOCK_HOLDER + ") h"));
                }
            }
        }));
        assertEquals(PilotException.ERROR, e.exitCode());
        assertTrue(e.getMessage().startsWith("lost the migration lock before 20250102000000_two.sql"), e.getMessage());
        assertTrue(p.tableExists("public.one"));
        assertTrue(!p.tableExists("public.two") && !p.tableExists("public.three"), "nothing runs without the lock");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertTrue(p.tableExists("public.three"));
        assertEquals(3, p.count("select count(*) from supabase_migrations.schema_migrations"));
    }

    @Test
    void theLockSurvivesAnIdleSessionTimeoutShorterThanAMigration() {
        Project p = new Project();
        p.exec("do $$ begin execute format('alter database %I set idle_session_timeout = %L', current_database(), '1500ms'); end $$");
        p.write("20250101000000_slow.sql", "select pg_sleep(4);");
        // Run by the server while the second migration applies: the lock must still be held then.
        p.write("20250102000000_after.sql", "do $$ begin if not exists (" + LOCK_HOLDER
                + ") then raise exception 'the migration lock was lost'; end if; end $$;\ncreate table public.after_slow (id int);");
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertTrue(p.tableExists("public.after_slow"));
    }
}
