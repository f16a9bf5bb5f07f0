package dev.pgpilot.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoBlockTest {
    private static List<String> texts(String sql) {
        return DoBlock.statements(sql).stream().map(i -> i.sql() + (i.guarded() ? " [guarded]" : "")).toList();
    }

    @Test
    void theDdlUnderIfNotExistsIsReadWithItsOffsetAndMarkedGuarded() {
        String sql = "do $$\nbegin\n  if not exists (select 1 from pg_policies where policyname = 'p') then\n"
                + "    create policy p on public.t for select using (true);\n  end if;\nend\n$$";
        List<DoBlock.Inner> inner = DoBlock.statements(sql);
        assertEquals(1, inner.size());
        assertEquals("create policy p on public.t for select using (true)", inner.get(0).sql());
        assertEquals(sql.indexOf("create policy"), inner.get(0).offset());
        assertEquals(true, inner.get(0).guarded());
    }

    @Test
    void aStatementAfterTheIfHasEndedIsNotGuarded() {
        assertEquals(List.of("alter table t add column a int [guarded]", "alter table t add column b int"),
                texts("do $$ begin if x then alter table t add column a int; end if; alter table t add column b int; end $$"));
    }

    @Test
    void anExceptionHandlerGuardsTheWholeBlock() {
        assertEquals(List.of("create type public.mood as enum ('ok') [guarded]"),
                texts("DO $$ BEGIN CREATE TYPE public.mood AS ENUM ('ok'); EXCEPTION WHEN duplicate_object THEN null; END $$"
                        .replace("CREATE TYPE public.mood AS ENUM", "create type public.mood as enum")));
    }

    @Test
    void elseBranchesLoopsAndLabelsAreSkippedToTheStatement() {
        assertEquals(List.of("drop index a [guarded]", "drop index b [guarded]", "comment on table t is 'x'"),
                texts("do $q$ <<outer>> begin if x then drop index a; else drop index b; end if; "
                        + "for r in select 1 loop comment on table t is 'x'; end loop; end $q$"));
    }

    @Test
    void dynamicSqlDataChangesAndPlainStringBodiesAreNotRead() {
        assertEquals(List.of(), texts("do $$ begin execute 'drop table t'; perform 1; update t set a = 1; raise notice 'create table x'; end $$"));
        assertEquals(List.of(), texts("do 'begin drop table t; end'"));
        assertEquals(List.of(), texts("select 'do $$ begin drop table t; end $$'"));
    }

    @Test
    void aLanguageClauseBeforeTheBodyIsAllowed() {
        assertEquals(List.of("alter table t enable row level security"), texts("do language plpgsql $$ begin alter table t enable row level security; end $$"));
    }

    @Test
    void aBodyThatNeverClosesYieldsNothing() {
        assertEquals(List.of(), texts("do $$ begin alter table t add column a int;"));
    }
}
