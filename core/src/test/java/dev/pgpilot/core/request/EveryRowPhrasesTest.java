package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.AsRole.A;
import static dev.pgpilot.core.request.AsRole.ANON;
import static dev.pgpilot.core.request.AsRole.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.target.DatabaseTarget;
import org.junit.jupiter.api.Test;

/**
 * "drafts included", "published or not", "including archived ones": words that say every row of
 * the grant is meant, whatever a column holds. They add no filter, and only a value or flag the
 * table has can be said so: anything else is a word not understood.
 */
class EveryRowPhrasesTest {
    /** A owns a draft and a live listing, B owns one live listing. */
    private static final String SHOP = """
            create type public.listing_state as enum ('draft', 'live', 'sold');
            create table public.listings (id int primary key, seller_id uuid not null references auth.users(id), state public.listing_state not null default 'draft',
              archived boolean not null default false, title text);
            insert into public.listings values (1, '00000000-0000-0000-0000-00000000000a', 'draft', false, 'a draft'),
              (2, '00000000-0000-0000-0000-00000000000a', 'live', true, 'a live'), (3, '00000000-0000-0000-0000-00000000000b', 'live', false, 'b live');
            """;

    private static DatabaseTarget shop() throws Exception {
        return Fixture.freshWith(SHOP);
    }

    @Test
    void aValueSaidIncludedGivesTheOwnerEveryOneOfTheirRows() throws Exception {
        DatabaseTarget db = shop();
        MigrationSql m = RoundTripTest.plan(db, "sellers can see their own listings, drafts included");
        assertFalse(m.upSql().contains("'draft'"), m.upSql());
        Fixture.exec(db, m.upSql());
        assertEquals(2, AsRole.rows(db, A, "select * from listings"));
        assertEquals(1, AsRole.rows(db, B, "select * from listings"));
        assertEquals(0, AsRole.rows(db, ANON, "select * from listings"));
    }

    @Test
    void aFlagSaidEitherWayGivesEveryRow() throws Exception {
        DatabaseTarget db = shop();
        RoundTripTest.apply(db, "sellers can read their own listings, archived or not");
        assertEquals(2, AsRole.rows(db, A, "select * from listings"));
        assertEquals(1, AsRole.rows(db, B, "select * from listings"));
    }

    @Test
    void aWordThatIsNoValueOrFlagOfTheTableIsNotUnderstood() throws Exception {
        DatabaseTarget db = shop();
        PilotException e = assertThrows(PilotException.class, () -> RoundTripTest.plan(db, "sellers can see their own listings, bananas included"));
        assertTrue(e.getMessage().contains("\"bananas\""), e.getMessage());
    }
}
