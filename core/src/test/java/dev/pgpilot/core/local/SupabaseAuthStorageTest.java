package dev.pgpilot.core.local;

import dev.pgpilot.core.target.DatabaseTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pgpilot.core.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** The embedded database's auth and storage schemas behave like Supabase's. */
class SupabaseAuthStorageTest {
    private final DatabaseTarget db = TestDatabase.fresh();

    @Test
    void theClassicSeedOfAUserWithAnEmailIdentityAppliesAndConfirmedAtIsGenerated() throws SQLException {
        exec("""
                insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                  recovery_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                  confirmation_token, email_change, email_change_token_new, recovery_token)
                values ('00000000-0000-0000-0000-000000000000', '11111111-1111-1111-1111-111111111111', 'authenticated',
                  'authenticated', 'ada@example.com', crypt('password123', gen_salt('bf')), '2025-01-02 03:04:05+00',
                  now(), now(), '{"provider":"email","providers":["email"]}', '{}', now(), now(), '', '', '', '');
                insert into auth.identities (id, user_id, provider_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
                values (gen_random_uuid(), '11111111-1111-1111-1111-111111111111', '11111111-1111-1111-1111-111111111111',
                  '{"sub":"11111111-1111-1111-1111-111111111111","email":"Ada@Example.com"}', 'email', now(), now(), now());
                """);
        assertEquals("2025-01-02 03:04:05+00|ada@example.com|t", one("set local timezone = 'UTC'; select u.confirmed_at::text || '|' || i.email || '|' "
                + "|| (u.encrypted_password = crypt('password123', u.encrypted_password))::text::char "
                + "from auth.users u join auth.identities i on i.user_id = u.id"));
        SQLException e = assertThrows(SQLException.class, () -> exec("update auth.users set confirmed_at = now()"));
        assertEquals("428C9", e.getSQLState(), "confirmed_at is generated: " + e.getMessage());
    }

    @Test
    void authHasSupabasesTwentyThreeTablesAllOwnedBySupabaseAuthAdmin() throws SQLException {
        assertEquals("23 supabase_auth_admin", one("select count(*) || ' ' || string_agg(distinct relowner::regrole::text, ',') "
                + "from pg_class where relnamespace = 'auth'::regnamespace and relkind = 'r'"));
        assertEquals("audit_log_entries,flow_state,identities,instances,mfa_amr_claims,mfa_challenges,mfa_factors,one_time_tokens,"
                + "refresh_tokens,saml_providers,saml_relay_states,schema_migrations,sessions,sso_domains,sso_providers,users",
                one("select string_agg(relname, ',' order by relname) from pg_class where relnamespace = 'auth'::regnamespace "
                        + "and relkind = 'r' and relname not like 'oauth%' and relname not like 'webauthn%' and relname <> 'custom_oauth_providers'"));
    }

    @Test
    void afterTheClearAuthenticationPatternTheAuthFunctionsReturnNullAsOnSupabase() throws SQLException {
        assertEquals("null|null|null|null", one("""
                select set_config('request.jwt.claims', '', true);
                select coalesce(auth.uid()::text, 'null') || '|' || coalesce(auth.role(), 'null') || '|'
                    || coalesce(auth.email(), 'null') || '|' || coalesce(auth.jwt()::text, 'null')"""));
        assertEquals("null", one("select coalesce(auth.jwt()::text, 'null')"), "no claims at all: NULL, not {}");
        assertEquals("22222222-2222-2222-2222-222222222222|authenticated|bo@example.com|aal2", one("""
                select set_config('request.jwt.claims', '{"sub":"22222222-2222-2222-2222-222222222222","role":"authenticated",
                    "email":"bo@example.com","aal":"aal2"}', true);
                select auth.uid() || '|' || auth.role() || '|' || auth.email() || '|' || (auth.jwt() ->> 'aal')"""));
    }

    @Test
    void directDeletesFromStorageTablesAreRefusedUnlessTheStorageApiSettingIsOn() throws SQLException {
        exec("insert into storage.buckets (id, name) values ('docs', 'docs');"
                + "insert into storage.objects (bucket_id, name) values ('docs', 'a/b.pdf')");
        for (String table : new String[] {"storage.objects", "storage.buckets"}) {
            PSQLException e = assertThrows(PSQLException.class, () -> exec("delete from " + table));
            assertEquals("42501", e.getSQLState());
            assertEquals("Direct deletion from storage tables is not allowed. Use the Storage API instead.",
                    e.getServerErrorMessage().getMessage());
        }
        exec("set storage.allow_delete_query = 'true'; delete from storage.objects; delete from storage.buckets");
        assertEquals("0", one("select count(*)::text from storage.buckets"));
    }

    @Test
    void storageTablesBelongToTheStorageAdminAndUpdatesStampUpdatedAt() throws SQLException {
        assertEquals("buckets,migrations,objects,s3_multipart_uploads,s3_multipart_uploads_parts supabase_storage_admin",
                one("select string_agg(relname, ',' order by relname) || ' ' || string_agg(distinct relowner::regrole::text, ',') "
                        + "from pg_class where relnamespace = 'storage'::regnamespace and relkind = 'r'"));
        exec("insert into storage.buckets (id, name) values ('docs', 'docs');"
                + "insert into storage.objects (bucket_id, name, updated_at) values ('docs', 'x.txt', '2000-01-01')");
        assertEquals("t", one("update storage.objects set metadata = '{}'; "
                + "select (updated_at > '2001-01-01')::text::char from storage.objects"));
    }

    private void exec(String sql) throws SQLException {
        Queries.exec(db, sql);
    }

    private String one(String sql) throws SQLException {
        return Queries.one(db, sql);
    }
}
