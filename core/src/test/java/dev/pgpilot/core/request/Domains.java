package dev.pgpilot.core.request;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.render.MigrationRenderer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Schemas of apps other than the eval's shop (tasks, clinic, marketplace, school), so the parser is
 * tested on names it was not written against. Built once as a template; each test gets a copy.
 */
final class Domains {
    private static DatabaseTarget template;

    private Domains() {}

    static synchronized DatabaseTarget fresh() {
        if (template == null) {
            template = TestDatabase.fresh();
            try (Connection c = template.connect(); Statement s = c.createStatement()) {
                s.execute(Fixture.resource("/nl-domains/schema.sql"));
                s.execute(Fixture.resource("/nl/helpers.sql"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return Fixture.copyOf(template);
    }

    /** The migrations of a request, in the order they run. */
    static List<MigrationSql> planAll(DatabaseTarget db, String request) {
        return new MigrationRenderer().render(new RequestParser(Fixture.catalog(db)).parse(request), Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** The one migration of a request (these requests plan no index on an existing table). */
    static MigrationSql plan(DatabaseTarget db, String request) {
        return new MigrationRenderer().render(new RequestParser(Fixture.catalog(db)).parse(request), Instant.parse("2026-01-01T00:00:00Z")).get(0);
    }
}
