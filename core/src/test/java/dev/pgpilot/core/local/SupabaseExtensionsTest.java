package dev.pgpilot.core.local;

import dev.pgpilot.core.target.DatabaseTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgpilot.core.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** Supabase's extensions on the embedded server: real where they can run, labelled local stand-ins where not. */
class SupabaseExtensionsTest {
    private final DatabaseTarget db = TestDatabase.fresh();

    @Test
    void vectorStandInTakesTheTypeDistancesAndHnswAndIvfflatIndexesAndChecksDimensions() throws SQLException {
        exec("""
                create extension if not exists vector with schema extensions;
                create table public.docs (id int primary key, embedding extensions.vector(3));
                insert into public.docs values (1, '[1,0,0]'), (2, '[0,1,0]'), (3, array[0,0,1]::real[]);
                create index on public.docs using hnsw (embedding vector_cosine_ops);
                create index on public.docs using ivfflat (embedding vector_l2_ops);
                """);
        assertEquals("1 3", one("select string_agg(id::text, ' ' order by id) from (select id from public.docs "
                + "order by embedding <=> '[1,0.1,0.2]' limit 2) t"));
        assertEquals("1.4142 -1 3", one("select round(('[1,0,0]'::extensions.vector <-> '[0,1,0]')::numeric, 4) || ' ' "
                + "|| ('[1,2,0]'::extensions.vector <#> '[1,0,5]') || ' ' || extensions.vector_dims('[1,2,3]')"));
        PSQLException wrongDims = assertThrows(PSQLException.class, () -> exec("insert into public.docs values (4, '[1,2]')"));
        assertEquals("expected 3 dimensions, not 2", wrongDims.getServerErrorMessage().getMessage());
        // The server itself refuses index options (a hash index underneath); pgpilot blanks them in
        // what it sends (VectorIndexOptionsTest), a plain client gets the server's error.
        PSQLException options = assertThrows(PSQLException.class,
                () -> exec("create index on public.docs using ivfflat (embedding vector_cosine_ops) with (lists = 100)"));
        assertEquals("unrecognized parameter \"lists\"", options.getServerErrorMessage().getMessage());
    }

    @Test
    void cronStandInKeepsJobsChecksSchedulesAndRunsNothing() throws SQLException {
        exec("create extension if not exists pg_cron with schema extensions");
        assertEquals("nightly 0 3 * * * postgres", one("select cron.schedule('nightly', '0 3 * * *', 'select 1');"
                + "select jobname || ' ' || schedule || ' ' || username from cron.job"));
        PSQLException e = assertThrows(PSQLException.class, () -> exec("select cron.schedule('x', 'every day', 'select 1')"));
        assertEquals("invalid schedule: every day", e.getServerErrorMessage().getMessage());
    }

    @Test
    void netStandInQueuesRequestsAndHttpStandInRefusesToCallOut() throws SQLException {
        exec("create extension if not exists pg_net with schema extensions; create extension if not exists http with schema extensions;"
                + "create function public.ping() returns int language sql as $$ select (extensions.http_get('https://example.com')).status $$");
        assertEquals("POST https://example.com/hook", one("select net.http_post('https://example.com/hook', '{\"a\": 1}');"
                + "select method || ' ' || url from net.http_request_queue"));
        PSQLException e = assertThrows(PSQLException.class, () -> exec("select public.ping()"));
        assertEquals("0A000", e.getSQLState());
        assertEquals("a%20b%26c%C3%A9", one("select extensions.urlencode('a b&cé')"));
    }

    @Test
    void jsonschemaStandInEnforcesTypeRequiredAndPropertiesInACheckConstraint() throws SQLException {
        exec("""
                create extension if not exists pg_jsonschema with schema extensions;
                create table public.events (payload jsonb check (extensions.jsonb_matches_schema(
                  '{"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["a", "b"]}, "n": {"type": "integer"}}}',
                  payload)));
                insert into public.events values ('{"kind": "a", "n": 2}');
                """);
        for (String bad : new String[] {"{\"n\": 2}", "{\"kind\": \"c\"}", "{\"kind\": \"a\", \"n\": 1.5}"}) {
            PSQLException e = assertThrows(PSQLException.class, () -> exec("insert into public.events values ('" + bad + "')"));
            assertEquals("23514", e.getSQLState(), bad);
        }
    }

    @Test
    void vaultGraphqlAndRealtimeObjectsExistAsOnANewSupabaseProject() throws SQLException {
        assertEquals("s3cr3t", one("select vault.create_secret('s3cr3t', 'api_key');"
                + "select decrypted_secret from vault.decrypted_secrets where name = 'api_key'"));
        exec("create table public.integrations (id int, credentials uuid references vault.secrets (id) on delete set null)");
        assertEquals("true", one("select (graphql_public.graphql(query => '{ __typename }') -> 'errors' -> 0 ->> 'message' "
                + "like 'pg_graphql is a pgpilot local stand-in%')::text"));
        exec("""
                create policy "room members" on realtime.messages for select to authenticated using (realtime.topic() = 'room:1');
                select realtime.send('{"x": 1}', 'moved', 'room:1', false);
                """);
        assertEquals("room:1 moved broadcast", one("select topic || ' ' || event || ' ' || extension from realtime.messages"));
        PSQLException e = assertThrows(PSQLException.class, () -> exec("alter table realtime.messages add column note text"));
        assertEquals("must be owner of table messages", e.getServerErrorMessage().getMessage());
    }

    /** What the Supabase dashboard's "enable queues" writes, then a worker's round trip. */
    @Test
    void pgmqQueuesMessagesHidesReadOnesArchivesDeletesAndCountsThem() throws SQLException {
        exec("""
                create schema if not exists pgmq;
                create extension if not exists pgmq with schema pgmq version '1.4.4';
                grant select, insert, update, delete on table pgmq.meta to service_role;
                select pgmq.create('Jobs');
                grant select, insert, update, delete on table pgmq.q_jobs, pgmq.a_jobs to service_role;
                create function public.enqueue() returns trigger language plpgsql as $$
                begin perform pgmq.send('jobs', to_jsonb(new)); return new; end $$;
                create table public.orders (id int primary key);
                create trigger orders_enqueue after insert on public.orders for each row execute function public.enqueue();
                insert into public.orders values (1), (2), (3);
                """);
        assertEquals("1:1:1", one("select msg_id || ':' || read_ct || ':' || (message->>'id') from pgmq.read('jobs', 30, 1)"));
        assertEquals("2 3", one("select msg_id from pgmq.read('jobs', 30, 1);"
                + "select string_agg(msg_id::text, ' ' order by msg_id) from pgmq.read('jobs', 30, 5)"),
                "a read message stays hidden for its visibility timeout");
        assertEquals("true false", one("select pgmq.archive('jobs', 1::bigint) || ' ' || pgmq.delete('jobs', 99::bigint)"));
        assertEquals("1 1 3", one("select pgmq.archive('jobs', 1::bigint) and pgmq.delete('jobs', 2::bigint);"
                + "select (select count(*) from pgmq.a_jobs) || ' ' || (m).queue_length || ' ' || (m).total_messages from pgmq.metrics('jobs') m"),
                "archived: 1, left in the queue: 1, sent in all: 3");
        assertEquals("2 3", one("select msg_id from pgmq.pop('jobs'); select string_agg(msg_id::text, ' ') from pgmq.q_jobs"),
                "pop takes the oldest message and deletes it");
        assertEquals("jobs", one("select string_agg(queue_name, ',') from pgmq.list_queues()"));
        assertEquals("e", one("select deptype from pg_depend where objid = 'pgmq.q_jobs'::regclass and refobjid = "
                + "(select oid from pg_extension where extname = 'pgmq')"), "a queue belongs to the extension, as with pgmq");
        PSQLException missing = assertThrows(PSQLException.class, () -> exec("select pgmq.send('nope', '{}')"));
        assertEquals("queue \"nope\" does not exist", missing.getServerErrorMessage().getMessage());
        PSQLException partitioned = assertThrows(PSQLException.class, () -> exec("select pgmq.create_partitioned('big')"));
        assertEquals("0A000", partitioned.getSQLState());
    }

    /** The token of the JWT specification's usual HS256 example, byte for byte, and verify() reading it back. */
    @Test
    void pgjwtSignsAndVerifiesRealTokensWithPgcryptoInTheExtensionsSchema() throws SQLException {
        exec("create extension if not exists pgjwt with schema extensions cascade");
        String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
                + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        assertEquals(token, one("set search_path = public; select extensions.sign("
                + "'{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}', 'your-256-bit-secret')"));
        assertEquals("true John Doe", one("select valid || ' ' || (payload->>'name') from extensions.verify('" + token + "', 'your-256-bit-secret')"));
        assertEquals("false", one("select valid::text from extensions.verify('" + token + "', 'another secret')"));
        assertEquals("false", one("select valid::text from extensions.verify(extensions.sign('{\"exp\": 1}', 's'), 's')"), "expired");
    }

    /** Old baseline dumps enable pgsodium and look keys up by name; nothing is encrypted locally. */
    @Test
    void pgsodiumStandInKeepsTheKeyCatalog() throws SQLException {
        exec("create extension if not exists \"pgsodium\" with schema \"pgsodium\"");
        assertEquals("invoices aead-det", one("select pgsodium.create_key(name => 'invoices');"
                + "select name || ' ' || key_type from pgsodium.valid_key where name = 'invoices'"));
    }

    @Test
    void standInsAreListedWithWhatTheyDoNotDo() {
        assertEquals("http,pg_cron,pg_graphql*,pg_jsonschema,pg_net,pgjwt,pgmq,pgsodium,supabase_vault*,vector", LocalStandIns.of(db).stream()
                .map(s -> s.name() + (s.installed() ? "*" : "")).collect(Collectors.joining(",")));
        assertEquals("vault.create_secret(), update_secret() and vault.decrypted_secrets work, but secrets are stored unencrypted",
                LocalStandIns.of(db).stream().filter(s -> s.name().equals("supabase_vault")).findFirst().orElseThrow().behaviour());
    }

    @Test
    void realPgtapFromDebiansPackageRunsATest() throws SQLException {
        assumeTrue(Files.exists(Path.of("/usr/share/postgresql/15/extension/pgtap.control")),
                "needs Debian's postgresql-15-pgtap (.ci/run installs it)");
        assertEquals("ok 1 - users exist", one("create extension if not exists pgtap with schema extensions;"
                + "select extensions.plan(1); select extensions.has_table('auth', 'users', 'users exist')"));
    }

    private void exec(String sql) throws SQLException {
        Queries.exec(db, sql);
    }

    private String one(String sql) throws SQLException {
        return Queries.one(db, sql);
    }
}
