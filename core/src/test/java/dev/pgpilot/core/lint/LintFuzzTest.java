package dev.pgpilot.core.lint;

import dev.pgpilot.core.api.model.LintFailure;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.lint.run.Linter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.workspace.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Mutated real migrations (every lint fixture and splitter corpus file) and generated ones, through
 * the splitter and every rule: the splitter keeps its invariants, no rule fails (a {@link LintFailure}
 * is a pgpilot bug), and no input takes more than a few seconds (a hang guard, not a speed claim).
 * The suite runs {@code fuzz.tries} inputs (2,000); the recorded run passes
 * {@code -Dfuzz.tries=100000}.
 */
class LintFuzzTest {
    /** Pieces that open, close or confuse the constructs the splitter and the rules track. */
    private static final List<String> TOKENS = List.of("'", "''", "\"", "$$", "$body$", "$1", "E'\\'", "/*", "*/", "--", "\n", ";", "(", ")",
            ",", "::", " CREATE ", " TABLE ", " POLICY ", " ON ", " DO ", " BEGIN ", " ATOMIC ", " END ", " IF NOT EXISTS ", " REFERENCES ",
            " SECURITY DEFINER ", " SET search_path = '' ", " NOT VALID ", " CONCURRENTLY ", " USING (", " WITH CHECK (", " auth.uid() ",
            " (select auth.uid()) ", "\u00e9", "\ud83d\ude00", "\u0000", "x".repeat(3000), "'" + "a''".repeat(2000) + "'", "(".repeat(500));
    private static final List<String> STATEMENTS = List.of(
            "create table if not exists public.t%d (id bigint primary key, owner uuid references auth.users (id), body text)",
            "alter table public.t%d add column if not exists note text", "alter table public.t%d enable row level security",
            "create policy \"p%d\" on public.t%d for select to authenticated using ((select auth.uid()) = owner)",
            "drop policy if exists \"p%d\" on public.t%d", "create index concurrently if not exists t%d_idx on public.t%d (owner)",
            "create or replace function public.f%d() returns trigger language plpgsql security definer set search_path = '' as $$ begin return new; end $$",
            "update public.t%d set body = 'x'", "insert into public.t%d (id, body) values (%d, 'it''s')",
            "alter table public.t%d add constraint t%d_fk foreign key (owner) references auth.users (id) not valid",
            "alter table public.t%d validate constraint t%d_fk", "create type public.e%d as enum ('a', 'b')",
            "do $$ begin alter table public.t%d add primary key (id); exception when others then null; end $$",
            "comment on table public.t%d is 'notes %d'", "drop table if exists public.t%d cascade", "begin", "commit");
    private static final List<String> SEEDS = seeds();
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lint-fuzz");
        t.setDaemon(true);
        return t;
    });
    private final Linter linter = new Linter(Config.defaults());

    @AfterContainer
    static void stop() {
        RUNNER.shutdownNow();
    }

    @Property
    void noMutatedOrGeneratedMigrationCrashesTheSplitterOrAnyRule(@ForAll("migrations") String sql) throws Exception {
        Future<LintReport> run = RUNNER.submit(() -> {
            checkSplit(sql);
            return linter.lintSql("20240101120000_fuzz.sql", sql, SchemaModel.empty());
        });
        LintReport report = run.get(10, TimeUnit.SECONDS); // a hang guard: linting a fixture takes milliseconds
        assertEquals(List.of(), report.failures(), () -> "linter failed on:\n" + sql);
    }

    /** Statements come in order, inside the text, without overlapping, each starting at a token. */
    private static void checkSplit(String sql) {
        int previousEnd = 0;
        for (SqlStatement st : SqlScript.parse(sql).statements()) {
            assertTrue(st.startOffset() >= previousEnd && st.endOffset() <= sql.length() && st.startOffset() < st.endOffset(),
                    () -> "statement offsets out of order in:\n" + sql);
            assertEquals(sql.substring(st.startOffset(), st.startOffset() + st.sql().length()), st.sql());
            previousEnd = st.endOffset();
        }
    }

    @Provide
    Arbitrary<String> migrations() {
        Arbitrary<String> real = Arbitraries.of(SEEDS);
        Arbitrary<String> generated = Arbitraries.of(STATEMENTS).list().ofMinSize(1).ofMaxSize(12)
                .map(list -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < list.size(); i++) b.append(list.get(i).replace("%d", Integer.toString(i % 3))).append(";\n");
                    return b.toString();
                });
        Arbitrary<String> base = Arbitraries.oneOf(real, generated);
        return Combinators.combine(base, mutation().list().ofMaxSize(6)).as((text, edits) -> {
            String out = text;
            for (Mutation m : edits) out = m.apply(out);
            return out;
        });
    }

    /** One edit at a relative position (0..1 of the text): insert a token, delete or repeat a span, change case. */
    private record Mutation(int kind, double at, double length, String token) {
        String apply(String s) {
            int from = (int) (at * s.length());
            int to = Math.min(s.length(), from + (int) (length * 200));
            return switch (kind) {
                case 0 -> s.substring(0, from) + token + s.substring(from);
                case 1 -> s.substring(0, from) + s.substring(to);
                case 2 -> s.substring(0, to) + s.substring(from, to) + s.substring(to);
                default -> s.substring(0, from) + s.substring(from, to).toUpperCase() + s.substring(to);
            };
        }
    }

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.of(TOKENS)).as(Mutation::new);
    }

    private static List<String> seeds() {
        List<String> out = new ArrayList<>();
        for (String dir : List.of("/lint", "/sql/corpus")) {
            try (Stream<Path> files = Files.walk(Path.of(LintFuzzTest.class.getResource(dir).toURI()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) out.add(Files.readString(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(out);
    }
}
