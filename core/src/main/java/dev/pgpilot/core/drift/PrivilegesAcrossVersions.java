package dev.pgpilot.core.drift;

import dev.pgpilot.core.catalog.DbObject.Kind;
import dev.pgpilot.core.catalog.DbObject;
import dev.pgpilot.core.catalog.CatalogSnapshot;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Grants compared across two major versions. A privilege one server does not know cannot differ: on
 * PostgreSQL 17 {@code GRANT ALL} and the owner's defaults include MAINTAIN, on 15 they cannot, so a
 * PG15 target compared with a PG17 shadow would otherwise show MAINTAIN missing from every grant.
 */
final class PrivilegesAcrossVersions {
    /** Each privilege PostgreSQL added after 15, with the server_version_num that first has it. */
    private static final Map<String, Integer> INTRODUCED = Map.of("MAINTAIN", 170000);

    private PrivilegesAcrossVersions() {}

    /** The snapshot with the privileges the other server lacks taken out of its grants (itself when none). */
    static CatalogSnapshot comparableWith(CatalogSnapshot snapshot, CatalogSnapshot other) {
        int older = Math.min(snapshot.serverVersion(), other.serverVersion());
        if (INTRODUCED.values().stream().allMatch(v -> v <= older)) {
            return snapshot;
        }
        Map<String, DbObject> out = new LinkedHashMap<>();
        for (DbObject o : snapshot.all()) {
            if (o.kind() != Kind.GRANT) {
                out.put(o.key(), o);
                continue;
            }
            String kept = Arrays.stream(o.attr("privileges").split(", "))
                    .filter(p -> INTRODUCED.getOrDefault(p.split(" ")[0], 0) <= older)
                    .collect(Collectors.joining(", "));
            if (!kept.isEmpty()) { // a grant of MAINTAIN alone does not exist for the older server
                Map<String, String> attrs = new LinkedHashMap<>(o.attributes());
                attrs.put("privileges", kept);
                DbObject g = new DbObject(o.kind(), o.name(), attrs);
                out.put(g.key(), g);
            }
        }
        return new CatalogSnapshot(out, snapshot.serverVersion());
    }
}
