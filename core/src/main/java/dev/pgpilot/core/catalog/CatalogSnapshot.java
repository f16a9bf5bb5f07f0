package dev.pgpilot.core.catalog;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.catalog.DbObject.Kind;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The user schemas of one database as a sorted map of {@link DbObject}s. One query per object kind
 * (not one per object), so a snapshot costs about a dozen round trips whatever the schema size.
 * Definitions come from the server's deparsers (format_type, pg_get_expr, pg_get_indexdef,
 * pg_get_constraintdef, pg_get_functiondef, pg_get_triggerdef, pg_get_viewdef), so expressions are
 * compared as the server normalises them, not as they were typed.
 */
public record CatalogSnapshot(Map<String, DbObject> objects, int serverVersion) {

    public CatalogSnapshot {
        objects = java.util.Collections.unmodifiableMap(new TreeMap<>(objects));
    }

    public Collection<DbObject> all() {
        return objects.values();
    }

    public Optional<DbObject> find(Kind kind, String name) {
        return Optional.ofNullable(objects.get(kind.label() + " " + name));
    }

    public static CatalogSnapshot read(DatabaseTarget target) {
        try (Connection c = target.connect()) {
            return read(c);
        } catch (SQLException e) {
            throw PilotException.error("cannot read the catalog of " + target.display() + ": " + e.getMessage(), null);
        }
    }

    public static CatalogSnapshot read(Connection c) throws SQLException {
        Map<String, DbObject> out = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (Query q : QUERIES) {
                try (ResultSet rs = s.executeQuery(q.sql())) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 2; i <= n; i++) {
                            String v = rs.getString(i);
                            if (v != null) {
                                attrs.put(rs.getMetaData().getColumnLabel(i), v);
                            }
                        }
                        DbObject o = new DbObject(q.kind(), rs.getString(1), attrs);
                        out.put(o.key(), o);
                    }
                }
            }
        }
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int")) {
            rs.next();
            version = rs.getInt(1);
        }
        return new CatalogSnapshot(out, version);
    }

    /** The major version, as PostgreSQL numbers it (15, 17). */
    public int majorVersion() {
        return serverVersion / 10000;
    }

    private record Query(Kind kind, String sql) {}

    /** Schemas Supabase, PostgreSQL and pgpilot own are never compared. */
    private static String user(String alias) {
        return ManagedSchemas.userSchema(alias);
    }

    /** Supabase's tables the project may put policies and triggers on: those are the project's. */
    private static String open(String alias) {
        return ManagedSchemas.projectTables(alias);
    }


    private static final List<Query> QUERIES = List.of(
            new Query(Kind.TABLE, """
                    select quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                           case c.relkind when 'p' then 'partitioned' else 'table' end as kind,
                           c.relrowsecurity::text as rls_enabled, c.relforcerowsecurity::text as rls_forced
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r','p') and %s and %s""".formatted(user("n"), ManagedSchemas.notFromExtension("pg_class", "c.oid"))),
            new Query(Kind.COLUMN, """
                    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname),
                           format_type(a.atttypid, a.atttypmod) as type,
                           case when a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end as default,
                           case when a.attgenerated <> '' then pg_get_expr(d.adbin, d.adrelid) end as generated,
                           a.attnotnull::text as not_null,
                           case a.attidentity when 'a' then 'always' when 'd' then 'by default' end as identity
                    from pg_attribute a
                    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                    where c.relkind in ('r','p') and a.attnum > 0 and not a.attisdropped and %s and %s"""
                    .formatted(user("n"), ManagedSchemas.notFromExtension("pg_class", "c.oid"))),
            new Query(Kind.CONSTRAINT, """
                    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(k.conname),
                           pg_get_constraintdef(k.oid, true) as definition
                    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                    where k.contype in ('p','u','f','c','x') and %s and %s""".formatted(user("n"), ManagedSchemas.notFromExtension("pg_class", "c.oid"))),
            // Indexes that back a constraint are the constraint's business; listing them twice would double every report.
            new Query(Kind.INDEX, """
                    select quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(x.indexrelid) as definition
                    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                    join pg_namespace n on n.oid = i.relnamespace
                    where %s and %s and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid)"""
                    .formatted(user("n"), ManagedSchemas.notFromExtension("pg_class", "t.oid"))),
            new Query(Kind.POLICY, """
                    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(p.polname),
                           case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'
                                         when 'd' then 'delete' else 'all' end as command,
                           case when p.polpermissive then 'permissive' else 'restrictive' end as mode,
                           (select string_agg(case when r = 0 then 'public' else quote_ident(pg_get_userbyid(r)) end, ', ' order by 1)
                              from unnest(p.polroles) r) as roles,
                           pg_get_expr(p.polqual, p.polrelid) as using,
                           pg_get_expr(p.polwithcheck, p.polrelid) as with_check
                    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
                    where %s""".formatted(open("n"))),
            new Query(Kind.FUNCTION, """
                    select quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                           pg_get_functiondef(p.oid) as definition,
                           p.prosecdef::text as security_definer,
                           array_to_string(p.proconfig, ', ') as config
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where p.prokind in ('f','p') and %s and %s""".formatted(user("n"), ManagedSchemas.notFromExtension("pg_proc", "p.oid"))),
            new Query(Kind.TRIGGER, """
                    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(t.tgname),
                           pg_get_triggerdef(t.oid, true) as definition,
                           case t.tgenabled when 'D' then 'disabled' when 'O' then 'enabled' when 'R' then 'replica' else 'always' end as enabled
                    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                    join pg_proc f on f.oid = t.tgfoid join pg_namespace fn on fn.oid = f.pronamespace
                    where not t.tgisinternal and (%s or %s and %s)"""
                    // Supabase's own triggers on its tables (storage's updated_at, ...) call its own functions;
                    // a project's trigger on auth.users calls the project's function (public.handle_new_user).
                    .formatted(user("n"), open("n"), user("fn"))),
            new Query(Kind.ENUM, """
                    select quote_ident(n.nspname) || '.' || quote_ident(t.typname),
                           (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as labels
                    from pg_type t join pg_namespace n on n.oid = t.typnamespace
                    where t.typtype = 'e' and %s and %s""".formatted(user("n"), ManagedSchemas.notFromExtension("pg_type", "t.oid"))),
            // Versions are left out: the same migrations get each server's default version (a shadow on
            // another server, Supabase upgrading an extension), which is not drift the project made.
            new Query(Kind.EXTENSION, """
                    select quote_ident(e.extname), quote_ident(n.nspname) as schema
                    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                    where e.extname <> 'plpgsql'"""),
            // Realtime's publication is Supabase's, but which tables it carries is the project's choice.
            new Query(Kind.PUBLICATION, """
                    select quote_ident(p.pubname),
                           case when p.puballtables then 'all tables' else
                             (select string_agg(quote_ident(pt.schemaname) || '.' || quote_ident(pt.tablename), ', '
                                                order by pt.schemaname, pt.tablename)
                              from pg_publication_tables pt where pt.pubname = p.pubname) end as tables,
                           concat_ws(', ', case when p.pubinsert then 'insert' end, case when p.pubupdate then 'update' end,
                                     case when p.pubdelete then 'delete' end, case when p.pubtruncate then 'truncate' end) as operations
                    from pg_publication p"""),
            new Query(Kind.VIEW, """
                    select quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                           case c.relkind when 'm' then 'materialized' else 'view' end as kind,
                           pg_get_viewdef(c.oid, true) as definition,
                           array_to_string(c.reloptions, ', ') as options
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('v','m') and %s and %s""".formatted(user("n"), ManagedSchemas.notFromExtension("pg_class", "c.oid"))),
            // A null ACL means the owner's defaults; acldefault() spells them out so "never granted" and
            // "granted exactly the defaults" compare equal.
            new Query(Kind.GRANT, """
                    select g.object || ' to ' || g.grantee, string_agg(g.privilege, ', ' order by g.privilege) as privileges
                    from (
                      select case when c.relkind in ('v','m') then 'view ' else 'table ' end
                               || quote_ident(n.nspname) || '.' || quote_ident(c.relname) as object,
                             case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end as grantee,
                             a.privilege_type || case when a.is_grantable then ' with grant option' else '' end as privilege
                      from pg_class c join pg_namespace n on n.oid = c.relnamespace,
                           aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
                      where c.relkind in ('r','p','v','m') and %s and %s
                      union all
                      select 'function ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                             case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end,
                             a.privilege_type || case when a.is_grantable then ' with grant option' else '' end
                      from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
                           aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      where p.prokind in ('f','p') and %s and %s
                    ) g group by g.object, g.grantee"""
                    .formatted(user("n"), ManagedSchemas.notFromExtension("pg_class", "c.oid"), user("n"), ManagedSchemas.notFromExtension("pg_proc", "p.oid"))),
            new Query(Kind.COMMENT, """
                    select case when d.objsubid = 0
                                then case when c.relkind in ('v','m') then 'view ' else 'table ' end || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                                else 'column ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.'
                                     || quote_ident((select attname from pg_attribute where attrelid = c.oid and attnum = d.objsubid)) end,
                           d.description as text
                    from pg_description d join pg_class c on d.classoid = 'pg_class'::regclass and c.oid = d.objoid
                    join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r','p','v','m') and %s
                    union all
                    select 'function ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                           d.description
                    from pg_description d join pg_proc p on d.classoid = 'pg_proc'::regclass and p.oid = d.objoid
                    join pg_namespace n on n.oid = p.pronamespace
                    where %s""".formatted(user("n"), user("n"))));
}
