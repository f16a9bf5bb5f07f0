package dev.pgpilot.core.target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server offers beyond PostgreSQL's contrib extensions, read from its
 * {@code pg_available_extensions}: pgTAP and pgpilot's local stand-ins (whose control file comment
 * starts with {@link #STAND_IN_MARK}). A hint about a missing extension says what is true of the
 * server it ran on instead of a sentence that goes stale when the embedded server gains one.
 */
public final class ServerExtensions {
    /** How each of pgpilot's stand-in control files begins its comment; {@code local.LocalStandIns} lists them by it. */
    public static final String STAND_IN_MARK = "pgpilot local stand-in for ";

    private ServerExtensions() {}

    /**
     * E.g. "PostgreSQL's contrib extensions, pgTAP and pgpilot's local stand-ins for http, pg_cron (`pgpilot db status`
     * says what each stand-in does not do)"; null when the server cannot be asked (its connection is gone).
     */
    public static String offered(Connection c) {
        List<String> standIns = new ArrayList<>();
        boolean pgtap = false;
        try (PreparedStatement ps = c.prepareStatement("select name, comment like ? || '%' from pg_available_extensions"
                + " where name = 'pgtap' or comment like ? || '%' order by name")) {
            ps.setString(1, STAND_IN_MARK);
            ps.setString(2, STAND_IN_MARK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) standIns.add(rs.getString(1));
                    else pgtap = true;
                }
            }
        } catch (SQLException e) {
            return null;
        }
        String extra = (pgtap ? "pgTAP" : "") + (pgtap && !standIns.isEmpty() ? " and " : "")
                + (standIns.isEmpty() ? "" : "pgpilot's local stand-ins for " + String.join(", ", standIns)
                        + " (`pgpilot db status` says what each stand-in does not do)");
        return "PostgreSQL's contrib extensions" + (extra.isEmpty() ? "" : ", " + extra);
    }
}
