package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.target.DatabaseTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Indexes asked for as needs ("lookups by email are slow", "we filter orders by status and
 * created_at a lot"), by expression (lower(email)), for some rows only ("only for pending rows"),
 * one per foreign key, and listed with other changes on lines of their own; and what is not built:
 * an index an existing one already leads with, a substring search a btree cannot serve. Planned,
 * linted, applied twice and undone on a real database.
 */
class IndexNeedsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        lookups of customers by email are slow                    | select evalx.indexdefs('customers') ~ 'btree \\(email\\)'
        we filter orders by status and created_at a lot           | select evalx.indexdefs('orders') ~ 'btree \\(status, created_at\\)'
        index customers on lower(email)                           | select evalx.indexdefs('customers') ~ 'btree \\(lower\\(email\\)\\)'
        index orders by created_at, only for pending rows         | select evalx.indexdefs('orders') ~ '\\(created_at\\) WHERE \\(status = ''pending'''
        index all the foreign keys on comments                    | select evalx.indexdefs('comments') ~ 'btree \\(user_id\\)' and evalx.indexdefs('comments') !~ 'post_id'
        index every foreign key of memberships                    | select evalx.indexdefs('memberships') ~ 'btree \\(organization_id\\)' and evalx.indexdefs('memberships') !~ 'btree \\(user_id\\)'
        add a tags text[] column to posts, and a gin index on it  | select evalx.indexdefs('posts') ~ 'gin \\(tags\\)'
        """)
    void aNeedSaidInWordsBuildsTheIndexItCallsFor(String request, String check) throws Exception {
        RoundTripTest.appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(Fixture.fresh(), request, check);
    }

    @Test
    void changesOnLinesOfTheirOwnAreEachPlanned() throws Exception {
        RoundTripTest.appliesTwiceHasItsEffectAndTheDownRestoresTheCatalog(Fixture.fresh(), "- add a note text to orders\n- index posts by author_id",
                "select evalx.coltype('orders','note') = 'text' and evalx.indexdefs('posts') ~ 'btree \\(author_id\\)'");
    }

    @Test
    void aListOnLinesReadsAsPinned() {
        StringBuilder out = new StringBuilder();
        for (MigrationSql m : RoundTripTest.planAll(Fixture.fresh(), "- add a note text to orders\n- index posts by author_id, newest first")) {
            if (out.length() > 0) out.append("\n-- ======== next migration ========\n");
            out.append(m.upSql()).append("\n-- ======== down ========\n").append(m.downSql());
        }
        Golden.assertMatches("migrations/listed-lines.txt", out.toString());
    }

    @Test
    void aLineThatWrapsASentenceStaysInIt() {
        ChangeSet set = new RequestParser(Fixture.catalog(Fixture.fresh())).parse("add a note text column\nto orders");
        assertEquals(1, set.changes().size(), set.changes().toString());
    }

    @Test
    void anIndexAnExistingOneLeadsWithIsAlreadyThereNamingIt() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(Fixture.catalog(Fixture.fresh())).parse("index memberships by user_id"));
        assertEquals(PilotException.NOTHING_TO_DO, e.exitCode());
        assertTrue(e.getMessage().contains("memberships_pkey on memberships (user_id, organization_id) already serves lookups by user_id"), e.getMessage());
    }

    @Test
    void aUniqueIndexAUniqueConstraintAlreadyIsIsNothingToDo() throws Exception {
        DatabaseTarget db = Fixture.freshWith("alter table public.products add constraint products_sku_key unique (sku)");
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(Fixture.catalog(db)).parse("add a unique index on products.sku"));
        assertEquals(PilotException.NOTHING_TO_DO, e.exitCode());
        assertTrue(e.getMessage().contains("products_sku_key"), e.getMessage());
    }

    @Test
    void aSubstringSearchIsRefusedNamingTheTrigramExtension() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(Fixture.catalog(Fixture.fresh())).parse("posts.title searches with ilike are slow, add an index"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("pg_trgm") && e.hint().contains("gin_trgm_ops"), e.getMessage() + " / " + e.hint());
    }

    @Test
    void aSearchServedByABtreeSaysWhichSearchesItServes() {
        ChangeSet set = new RequestParser(Fixture.catalog(Fixture.fresh())).parse("speed up searching posts by title");
        assertInstanceOf(ChangeRequest.CreateIndex.class, set.changes().get(0));
        assertTrue(set.readAs().stream().anyMatch(n -> n.contains("not ILIKE '%term%'") && n.contains("pg_trgm")), set.readAs().toString());
    }

    @Test
    void twoKeysToTheTableNamedAreAskedAbout() throws Exception {
        DatabaseTarget db = Fixture.freshWith("create table public.transfers (id bigint primary key, from_user uuid references auth.users(id), to_user uuid references auth.users(id))");
        AmbiguousRequest a = assertThrows(AmbiguousRequest.class, () -> new RequestParser(Fixture.catalog(db)).parse("index transfers by user"));
        String said = a.readings().toString();
        assertTrue(said.contains("transfers.from_user") && said.contains("transfers.to_user"), said);
    }
}
