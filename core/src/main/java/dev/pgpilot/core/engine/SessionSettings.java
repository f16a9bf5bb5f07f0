package dev.pgpilot.core.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What one migration file leaves in its session must not reach the next: {@code supabase db pull}
 * writes pg_dump-style files that run {@code set_config('search_path', '', false)}, after which an
 * unqualified {@code create table} in the next file fails with "no schema has been selected". The
 * Supabase CLI runs {@code RESET ALL} before each file; every place pgpilot runs files one after
 * another on one connection (up and reset, diff's shadow, the planner's pending replay) calls this.
 */
public final class SessionSettings {
    private SessionSettings() {}

    /**
     * Resets every session setting to its default, then runs {@code restore} (the caller's own
     * settings, such as timeouts; may be empty) in the same call.
     */
    public static void resetBeforeFile(Connection c, String restore) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(restore.isEmpty() ? "RESET ALL" : "RESET ALL; " + restore);
        }
    }
}
