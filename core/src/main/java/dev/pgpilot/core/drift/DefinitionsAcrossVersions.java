package dev.pgpilot.core.drift;

import dev.pgpilot.core.catalog.DbObject.Kind;
import dev.pgpilot.core.catalog.DbObject;
import dev.pgpilot.core.catalog.CatalogSnapshot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * View definitions from another major version, as the shadow's server would write them. Each
 * version's deparser spells the same query its own way (PostgreSQL 16 stopped qualifying the
 * columns of a one-table view: {@code notes.id} became {@code id}), so a PG15 target's text is
 * turned back into a temporary view on the shadow and read again there. A definition that does not
 * compile on the shadow is kept as it was: it refers to something the migrations lack, which the
 * report shows anyway.
 */
final class DefinitionsAcrossVersions {
    private DefinitionsAcrossVersions() {}

    /**
     * @param shadow the throwaway shadow database (its temporary views vanish with the session)
     * @return {@code database} with its view definitions deparsed by the shadow's server
     */
    static CatalogSnapshot viewsAsDeparsedBy(DatabaseTarget shadow, CatalogSnapshot database) {
        Map<String, DbObject> out = new LinkedHashMap<>();
        try (Connection c = shadow.connect(); Statement s = c.createStatement();
             PreparedStatement read = c.prepareStatement("select pg_get_viewdef('pg_temp.pgpilot_redeparse'::regclass, true)")) {
            for (DbObject o : database.all()) {
                out.put(o.key(), o.kind() == Kind.VIEW ? redeparsed(c, s, read, o) : o);
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot compare view definitions on " + shadow.display() + ": " + e.getMessage(), null);
        }
        return new CatalogSnapshot(out, database.serverVersion());
    }

    private static DbObject redeparsed(Connection c, Statement s, PreparedStatement read, DbObject view) throws SQLException {
        String definition = view.attr("definition");
        c.setAutoCommit(false);
        try {
            s.execute("create temporary view pgpilot_redeparse as " + definition.replaceFirst(";\\s*$", ""));
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                Map<String, String> attrs = new LinkedHashMap<>(view.attributes());
                attrs.put("definition", rs.getString(1));
                return new DbObject(view.kind(), view.name(), attrs);
            }
        } catch (SQLException e) {
            return view;
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
