package dev.pgpilot.core.local;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.PilotException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The extensions the embedded server offers as pgpilot's local stand-ins (for Supabase's C and
 * Rust extensions that cannot run here). Each control file's comment starts with
 * {@value #MARK} and says what the stand-in does not do; {@code db status} lists them.
 */
public final class LocalStandIns {
    static final String MARK = dev.pgpilot.core.target.ServerExtensions.STAND_IN_MARK;

    /** One stand-in: its name, whether this database has it installed, and what it does and does not do. */
    public record StandIn(String name, boolean installed, String behaviour) {}

    private LocalStandIns() {}

    /**
     * One notice per stand-in installed between the two listings (an {@code up} that ran
     * {@code create extension pgmq}), so a migration that only applies thanks to a stand-in says so.
     */
    public static List<String> notices(List<StandIn> before, List<StandIn> after) {
        List<String> out = new ArrayList<>();
        for (StandIn s : after) {
            boolean was = before.stream().anyMatch(b -> b.name().equals(s.name()) && b.installed());
            if (s.installed() && !was) {
                out.add(s.name() + " is pgpilot's local stand-in: " + s.behaviour() + " (`pgpilot db status` lists them)");
            }
        }
        return out;
    }

    /** {@link #of}, or nothing when the server cannot be asked (a notice is not worth failing a run for). */
    public static List<StandIn> ofOrNone(DatabaseTarget db) {
        try {
            return of(db);
        } catch (PilotException e) {
            return List.of();
        }
    }

    public static List<StandIn> of(DatabaseTarget db) {
        List<StandIn> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name, installed_version is not null, comment from pg_available_extensions "
                     + "where comment like '" + MARK + "%' order by name")) {
            while (rs.next()) {
                String comment = rs.getString(3);
                String behaviour = comment.substring(comment.indexOf(':') + 1).strip();
                out.add(new StandIn(rs.getString(1), rs.getBoolean(2), behaviour));
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot list the local stand-in extensions: " + e.getMessage(), null);
        }
        return out;
    }
}
