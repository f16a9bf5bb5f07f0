package dev.pgpilot.core.drift;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.ResetResult;
import dev.pgpilot.core.catalog.ManagedSchemas;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.local.LocalDatabase;
import dev.pgpilot.core.engine.Seeder;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.workspace.SeedFiles;
import dev.pgpilot.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code pgpilot reset}: drop everything, re-apply every migration, then run the seed files ({@link SeedFiles}). Allowed only on the embedded
 * database or on an environment marked {@code resettable: true} (and not protected); anything
 * else is refused before a connection is even opened.
 */
public final class Reset {

    private Reset() {}

    /** Throws a refusal unless the target may be reset. Checked before anything touches the database. */
    public static void checkAllowed(TargetResolver.Resolved resolved) {
        if (resolved.environment() != null) {
            String name = resolved.environment().name();
            if (resolved.environment().isProtected()) {
                throw PilotException.refused("environment " + name + " is protected; reset would drop its data",
                        "reset runs on the embedded database or on an environment with resettable: true");
            }
            if (!resolved.environment().resettable()) {
                throw PilotException.refused("environment " + name + " is not marked resettable",
                        "add resettable: true under environments." + name + " in pgpilot.yaml if dropping its data is fine");
            }
            return;
        }
        if (!resolved.target().local()) {
            throw PilotException.refused("reset refuses " + resolved.target().display() + ": it is not the embedded database",
                    "reset runs on the embedded database or on an environment with resettable: true (--env NAME)");
        }
    }

    /**
     * @param upOn applies every migration to the emptied database through the engine (the caller's
     *             session: source and actor go into the history)
     */
    public static ResetResult run(TargetResolver.Resolved resolved, Workspace workspace, LocalDatabase local,
                             Function<DatabaseTarget, ApplyResult> upOn) {
        checkAllowed(resolved);
        // Read (and validate) the files before anything is dropped: a bad file name must not leave an empty database.
        List<MigrationFile> files = workspace.migrations();
        SeedFiles seeds = SeedFiles.of(workspace);
        DatabaseTarget target;
        if (resolved.environment() == null) {
            local.reset();
            target = local.start();
        } else {
            target = resolved.target();
            dropUserSchemas(target);
        }
        // Through the engine, not a bare replay: the history must say what is applied, or status calls
        // everything pending afterwards and the next `up` fails on objects that exist. Lint errors do not
        // stop a reset (it rebuilds what was applied before; the gate ran then), and the history says so.
        ApplyResult r = upOn.apply(target);
        // then the seeds, as `supabase db reset` runs [db.seed] sql_paths after the migrations
        List<String> seeded = Seeder.run(target, seeds.files());
        return new ResetResult(target.label(), r.applied().size(), seeded, seeds.warnings());
    }

    /** For a resettable non-local environment: every user schema goes, public comes back empty with Supabase's grants. */
    private static void dropUserSchemas(DatabaseTarget target) {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select quote_ident(n.nspname) from pg_namespace n where "
                    + ManagedSchemas.userSchema("n"))) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            // Default privileges scoped to public (Supabase grants new tables/functions to anon, authenticated,
            // service_role this way) die with the schema; read them first and put them back after. Only those of
            // roles we act for can be put back: on Supabase postgres cannot set supabase_admin's.
            List<String> defaults = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select format('alter default privileges for role %I in schema public grant %s on %s to %s',
                                  pg_get_userbyid(d.defaclrole), a.privilege_type,
                                  case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions'
                                                       when 'T' then 'types' end,
                                  case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end)
                    from pg_default_acl d join pg_namespace n on n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
                    where n.nspname = 'public' and d.defaclobjtype in ('r','S','f','T')
                      and pg_has_role(d.defaclrole, 'USAGE')""")) {
                while (rs.next()) {
                    defaults.add(rs.getString(1));
                }
            }
            for (String schema : schemas) {
                s.execute("drop schema " + schema + " cascade");
            }
            s.execute("create schema public");
            s.execute("grant usage on schema public to public");
            s.execute("do $$ begin if exists (select 1 from pg_roles where rolname = 'anon') then "
                    + "grant usage on schema public to anon, authenticated, service_role; end if; end $$");
            for (String d : defaults) {
                s.execute(d);
            }
            s.execute("drop schema if exists supabase_migrations cascade");
            s.execute("drop schema if exists pgpilot cascade");
            c.commit();
        } catch (SQLException e) {
            throw PilotException.error("cannot reset " + target.display() + ": " + e.getMessage(), "nothing was dropped");
        }
    }
}
