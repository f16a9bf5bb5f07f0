package dev.pgpilot.core.catalog;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one list of schemas that are not the project's: PostgreSQL's own ({@code pg_*},
 * information_schema), pgpilot's and the Supabase CLI's history, and the ones Supabase owns.
 * Migrations may add policies or triggers to the tables of some Supabase schemas ({@link #OPEN_TO_POLICIES_AND_TRIGGERS}),
 * but their objects are not the project's. Reset keeps them, drift leaves their own objects alone,
 * the planner does not offer their types by bare name ({@code factor_status} is {@code auth}'s),
 * and every catalog query filters by the conditions below, so all readers agree on what is whose.
 */
public final class ManagedSchemas {
    /** History and approvals: pgpilot's and the Supabase CLI's records, never a migration's objects. */
    public static final Set<String> BOOKKEEPING = Set.of("pgpilot", "supabase_migrations");
    /** What a Supabase project's database has before its first migration. */
    public static final Set<String> SUPABASE = Set.of("auth", "storage", "extensions", "graphql", "graphql_public", "realtime",
            "vault", "net", "supabase_functions", "cron", "pgsodium");
    /**
     * Supabase's schemas whose tables migrations may put policies and triggers on (storage.objects,
     * auth.users, realtime.messages): those policies and triggers are the project's, as
     * {@code supabase db diff} reports them, and the planner resolves those tables by qualified name.
     */
    public static final Set<String> OPEN_TO_POLICIES_AND_TRIGGERS = Set.of("auth", "storage", "realtime");
    /** Every managed schema by name; PostgreSQL's {@code pg_*} schemas are managed by their prefix. */
    public static final Set<String> NAMES = Stream.of(Set.of("information_schema"), BOOKKEEPING, SUPABASE)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private ManagedSchemas() {}

    /** True for a managed schema or a system one ({@code pg_*}). */
    public static boolean contains(String schema) {
        return NAMES.contains(schema) || isSystem(schema);
    }

    private static boolean isSystem(String schema) {
        return schema.equals("information_schema") || schema.startsWith("pg_");
    }

    /** A SQL condition true for the project's own schemas; {@code alias} is the pg_namespace alias. */
    public static String userSchema(String alias) {
        return "(" + alias + ".nspname not in " + list(NAMES) + " and " + alias + ".nspname not like 'pg\\_%')";
    }

    /**
     * The schemas whose tables a request may name: the project's own and those open to its policies
     * and triggers ({@code auth.users}, {@code storage.objects}).
     */
    public static String projectTables(String alias) {
        return "(" + userSchema(alias) + " or " + alias + ".nspname in " + list(OPEN_TO_POLICIES_AND_TRIGGERS) + ")";
    }

    /** Every schema but PostgreSQL's own: where functions and types a migration may use live. */
    public static String notSystem(String alias) {
        return "(" + alias + ".nspname <> 'information_schema' and " + alias + ".nspname not like 'pg\\_%')";
    }

    /** Every schema but PostgreSQL's own and the history: what {@code \d} lists. */
    public static String notSystemOrBookkeeping(String alias) {
        return "(" + notSystem(alias) + " and " + alias + ".nspname not in " + list(BOOKKEEPING) + ")";
    }

    /**
     * A SQL condition true unless an extension created the object ({@code oid} of {@code catalog},
     * e.g. pg_proc): such objects are the extension's, whichever schema they are in.
     */
    public static String notFromExtension(String catalog, String oid) {
        return "not exists (select 1 from pg_depend d where d.classid = '" + catalog + "'::regclass and d.objid = " + oid
                + " and d.deptype = 'e')";
    }

    private static String list(Set<String> names) {
        return new TreeSet<>(names).stream().map(n -> "'" + n + "'").collect(Collectors.joining(",", "(", ")"));
    }
}
