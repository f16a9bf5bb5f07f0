package dev.pgpilot.core.catalog;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.local.LocalDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/** A throwaway database on a running server, dropped on close: where migrations are replayed to be read. */
public record Shadow(DatabaseTarget server, String name, DatabaseTarget target) implements AutoCloseable {

    /** A new shadow database on a running server (a copy of template1, so it has the Supabase base). */
    public static Shadow create(DatabaseTarget server) {
        String name = "pgpilot_shadow_" + HexFormat.of().formatHex(random());
        LocalDatabase.createDatabase(server, name);
        return new Shadow(server, name, server.withDatabase(name));
    }

    private static byte[] random() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + name + "\" with (force)");
        } catch (SQLException e) {
            throw PilotException.error("cannot drop the shadow database " + name + ": " + e.getMessage(), null);
        }
    }
}
