package dev.pgpilot.core.drift;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.catalog.LiveCatalog;
import dev.pgpilot.core.catalog.ManagedSchemas;
import dev.pgpilot.core.catalog.Shadow;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.api.model.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where a drift check builds its shadow database. Best is a scratch database on the target's own
 * server: same major version, same extensions, so only the project's changes differ. That is used
 * when the target lets us create a database there and the new database starts with the target's
 * Supabase schemas (its template1 carries them, as pgpilot's local servers do); otherwise the
 * embedded server hosts the shadow, and the comparison is made version-aware.
 */
final class ShadowHost {
    /** Replaying these in a scratch database would still change the whole server (roles, databases, settings). */
    private static final Pattern CLUSTER_WIDE = Pattern.compile(
            "^(CREATE|ALTER|DROP)\\s+(ROLE|USER|GROUP|DATABASE|TABLESPACE)\\b|^ALTER\\s+SYSTEM\\b|^(GRANT|REVOKE)\\b(?!.*\\bON\\b)"
                    + "|^(COMMENT|SECURITY\\s+LABEL)\\s+ON\\s+(ROLE|DATABASE|TABLESPACE)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Inside a DO block's body (a literal the normalizer leaves alone). */
    private static final Pattern CLUSTER_WIDE_IN_BODY = Pattern.compile(
            "\\b(CREATE|ALTER|DROP)\\s+(ROLE|USER|GROUP|DATABASE|TABLESPACE)\\b|\\bALTER\\s+SYSTEM\\b",
            Pattern.CASE_INSENSITIVE);

    private ShadowHost() {}

    /**
     * A new shadow on the target's server, or empty with the reason it cannot live there.
     *
     * @return the shadow, or the reason (never both)
     */
    record Choice(Shadow shadow, String reasonForEmbedded) {}

    static Choice onTargetServer(DatabaseTarget target, List<MigrationFile> files, Set<String> versions) {
        if (target.looksLikeTransactionPooler()) {
            return new Choice(null, "the target is a transaction pooler, which cannot reach a scratch database");
        }
        Optional<String> clusterWide = firstClusterWideStatement(files, versions);
        if (clusterWide.isPresent()) {
            return new Choice(null, clusterWide.get() + " changes the whole server, so it is not replayed there");
        }
        Shadow shadow;
        try {
            shadow = Shadow.create(target);
        } catch (PilotException e) {
            return new Choice(null, "cannot create a database on the target's server (" + e.getMessage() + ")");
        }
        try {
            Set<String> missing = supabaseSchemas(target);
            missing.removeAll(supabaseSchemas(shadow.target()));
            if (!missing.isEmpty()) {
                shadow.close();
                return new Choice(null, "a new database on the target's server lacks " + String.join(", ", missing)
                        + " (its template1 has no Supabase base)");
            }
            return new Choice(shadow, null);
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    /** The shadow on the embedded server, started on first use. */
    static Shadow onEmbedded(Supplier<DatabaseTarget> embedded) {
        return Shadow.create(embedded.get());
    }

    private static Optional<String> firstClusterWideStatement(List<MigrationFile> files, Set<String> versions) {
        for (MigrationFile m : files) {
            if (versions != null && !versions.contains(m.version())) continue;
            for (SqlStatement st : SqlScript.parse(m.sql()).statements()) {
                String n = st.normalized();
                boolean inBody = n.startsWith("DO ") && CLUSTER_WIDE_IN_BODY.matcher(st.sql()).find();
                if (CLUSTER_WIDE.matcher(n).find() || inBody) {
                    return Optional.of(m.path().getFileName() + " line " + st.line() + " (" + st.firstWords(2).toLowerCase() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static Set<String> supabaseSchemas(DatabaseTarget db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            Set<String> out = LiveCatalog.schemaNames(s);
            out.retainAll(ManagedSchemas.SUPABASE);
            return out;
        } catch (SQLException e) {
            throw PilotException.error("cannot read the schemas of " + db.display() + ": " + e.getMessage(), null);
        }
    }
}
