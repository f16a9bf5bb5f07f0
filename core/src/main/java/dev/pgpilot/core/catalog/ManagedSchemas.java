package dev.pgpilot.core.catalog;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Schemas that Supabase (and pgpilot itself) own: migrations may add policies or triggers there, but
 * their objects are not the project's. Reset keeps them, drift leaves their own objects alone, and
 * the planner does not offer their types by bare name ({@code factor_status} is {@code auth}'s).
 */
public final class ManagedSchemas {
    public static final Set<String> NAMES = Set.of("auth", "storage", "extensions", "graphql", "graphql_public", "realtime",
            "supabase_migrations", "pgpilot", "information_schema", "vault", "net", "supabase_functions", "cron", "pgsodium");

    private ManagedSchemas() {}

    /** True for a managed schema or a system one ({@code pg_*}). */
    public static boolean contains(String schema) {
        return NAMES.contains(schema) || schema.startsWith("pg_");
    }

    /** A SQL condition true for the project's own schemas; {@code %s} is the pg_namespace alias. */
    public static final String USER_SCHEMA_FILTER = "(%s.nspname not in ("
            + NAMES.stream().sorted().map(n -> "'" + n + "'").collect(Collectors.joining(","))
            + ") and %<s.nspname not like 'pg\\_%%')";
}
