package dev.pgpilot.core.local;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The Supabase-compatible base of the embedded database: Supabase's roles (supabase_admin the
 * superuser, postgres not), the auth and storage schemas owned by their admin roles, the realtime
 * publication, Supabase's grants, and the guard that refuses what the platform refuses. The SQL is
 * in {@code supabase/*.sql} beside this class, applied in file order.
 */
public final class SupabaseBase {
    /** The bootstrap superuser, as on Supabase. */
    public static final String ADMIN_ROLE = "supabase_admin";
    /** The role migrations and commands run as. */
    public static final String APP_ROLE = "postgres";

    private static final List<String> FILES = List.of("01-roles.sql", "02-schemas.sql", "03-auth.sql", "04-storage.sql",
            "05-realtime.sql", "06-grants.sql", "07-realtime.sql", "08-default-extensions.sql", "90-platform-guard.sql");

    private SupabaseBase() {}

    /**
     * Installs the base with a superuser connection, into template1 first so that every database
     * created later (shadow, test and scratch databases) is a copy that has it, then into postgres.
     */
    static void install(DatabaseTarget admin) {
        String sql = String.join("\n", FILES.stream().map(SupabaseBase::load).toList());
        for (String db : List.of("template1", "postgres")) {
            try (Connection c = admin.withDatabase(db).connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw PilotException.error("cannot install the Supabase base in " + db + ": " + e.getMessage(), null);
            }
        }
    }

    private static String load(String file) {
        try (InputStream in = SupabaseBase.class.getResourceAsStream("supabase/" + file)) {
            if (in == null) throw new IllegalStateException("missing resource supabase/" + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
