package dev.pgpilot.core.api;

import dev.pgpilot.core.request.Catalog;
import dev.pgpilot.core.target.DatabaseTarget;

/**
 * Lets tests outside core.api reach what the facade keeps to itself: the planner tests hand in
 * a catalog of their own, completion tests read names from a database they made.
 */
public final class InternalAccess {
    private InternalAccess() {}

    /** The planner's catalog of the Pilot's target, pending migrations replayed. */
    public static Catalog catalog(Pilot pilot) {
        return pilot.planning.catalog();
    }

    /** Plans {@code request} against {@code catalog} instead of the target's. */
    public static Plan plan(Pilot pilot, String request, Catalog catalog) {
        return pilot.planning.plan(request, catalog);
    }

    /** Table and column names of {@code db} as completion offers them. */
    public static SchemaNames schemaNames(DatabaseTarget db) {
        return SchemaNames.read(db);
    }
}
