package dev.pgpilot.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.catalog.MigrationReplay;
import dev.pgpilot.core.engine.Project;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pgvector indexes built with their tuning options ({@code WITH (m = 16, ef_construction = 64)},
 * {@code WITH (lists = 100)}), the shape Supabase's guides and {@code db dump} write: the vector
 * stand-in's access methods take no options, so pgpilot leaves the clause out when the server's
 * vector is the stand-in, everywhere it runs migrations (up, the shadow replay, the planner's
 * rolled-back replay), and up says where it did. Other indexes keep their options.
 */
class VectorIndexOptionsTest {
    static final String FILE = "20240101000000_documents.sql";
    static final String SQL = """
            create extension if not exists vector with schema extensions;

            create table public.documents (
              id bigint generated always as identity primary key,
              content text,
              embedding extensions.vector(3)
            );

            -- the shape of Supabase's AI guides
            create index documents_embedding_hnsw on public.documents
              using hnsw (embedding extensions.vector_cosine_ops)
              with (m = 16, ef_construction = 64);

            create index documents_embedding_ivfflat on public.documents using ivfflat (embedding extensions.vector_l2_ops) WITH (lists = 100);

            -- as `supabase db dump` writes it
            CREATE INDEX "documents_embedding_ip" ON "public"."documents" USING "hnsw" ("embedding" "extensions"."vector_ip_ops") WITH ("m"='16', "ef_construction"='64');

            do $$
            begin
              execute 'create index if not exists documents_embedding_l1 on public.documents using hnsw ((embedding::extensions.vector(3)) extensions.vector_l1_ops) with (m = 8)';
            end $$;

            create index documents_content on public.documents (content) with (fillfactor = 70);
            """;

    @Test
    void upBuildsVectorIndexesWrittenWithOptionsAndSaysWhereItLeftThemOut() throws Exception {
        Project p = new Project();
        p.write(FILE, SQL);
        ApplyResult r = p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(1, r.applied().size());
        Golden.assertMatches("vector-index-options-up-notes.txt", String.join("\n", r.warnings()) + "\n");
        try (Connection c = p.db.connect()) {
            assertEquals("documents_content btree {fillfactor=70}, documents_embedding_hnsw hnsw null, documents_embedding_ip hnsw null, "
                    + "documents_embedding_ivfflat ivfflat null, documents_embedding_l1 hnsw null, documents_pkey btree null", indexes(c));
        }
        p.exec("insert into public.documents (content, embedding) values ('east', '[1,0,0]'), ('north', '[0,1,0]')");
        assertEquals("north", p.text("select content from public.documents order by embedding operator(extensions.<=>) '[0,1,0]' limit 1"),
                "rows go into the indexes and nearest-neighbour queries answer");
    }

    @Test
    void theHistoryKeepsTheFileAsWrittenWithItsOptions() {
        Project p = new Project();
        p.write(FILE, SQL);
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(4, p.count("select count(*) from supabase_migrations.schema_migrations m, unnest(m.statements) s"
                + " where s ~* 'with \\((\"?m\"? ?= ?''?\\d|lists)'"), "the stored statements are the file's, options included");
    }

    @Test
    void theShadowReplayAndThePlannersRolledBackReplayBuildThemToo() throws Exception {
        List<MigrationFile> files = files();
        DatabaseTarget shadow = TestDatabase.fresh();
        MigrationReplay.commit(shadow, files, null, true);
        try (Connection c = shadow.connect()) {
            assertTrue(indexes(c).contains("documents_embedding_hnsw hnsw null"), indexes(c));
        }
        DatabaseTarget target = TestDatabase.fresh();
        try (Connection c = target.connect()) {
            String seen = MigrationReplay.rolledBack(c, files, VectorIndexOptionsTest::indexes);
            assertTrue(seen.contains("documents_embedding_ivfflat ivfflat null"), seen);
        }
    }

    private List<MigrationFile> files() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pgpilot-vector");
        java.nio.file.Path m = java.nio.file.Files.createDirectories(dir.resolve("supabase/migrations"));
        java.nio.file.Files.writeString(m.resolve(FILE), SQL);
        return Workspace.open(dir).migrations();
    }

    /** Every index on public.documents: name, access method, options. */
    static String indexes(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select string_agg(i.relname || ' ' || a.amname || ' ' || coalesce(i.reloptions::text, 'null'), ', ' order by i.relname)"
                        + " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_am a on a.oid = i.relam"
                        + " where x.indrelid = 'public.documents'::regclass")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
