package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.AsRole.A;
import static dev.pgpilot.core.request.AsRole.B;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgpilot.core.target.DatabaseTarget;
import org.junit.jupiter.api.Test;

/**
 * "users can delete their own files in X", as real roles through Supabase's Storage API (which
 * turns storage.allow_delete_query on: without it Supabase refuses every SQL delete from storage
 * tables before a policy is asked, so a test that deletes without it proves nothing).
 */
class StorageOwnFilesTest {

    @Test
    void aUserDeletesTheirOwnFileAndAnotherUserCannotDeleteIt() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Fixture.exec(db, "insert into storage.buckets (id, name, public) values ('shop-photos', 'shop-photos', true), ('other', 'other', true);"
                + "insert into storage.objects (bucket_id, name, owner, owner_id) values"
                + " ('shop-photos', '" + A + "/a.jpg', '" + A + "', '" + A + "'), ('shop-photos', '" + B + "/b.jpg', '" + B + "', '" + B + "'),"
                + " ('other', '" + A + "/a.jpg', '" + A + "', '" + A + "')");
        RoundTripTest.applied(db, "users can delete their own files in shop-photos");
        assertEquals(1, AsRole.rowsThroughStorageApi(db, B, "delete from storage.objects"), "B deletes B's file, not A's");
        assertEquals("t", Fixture.query(db, "select exists (select from storage.objects where bucket_id = 'shop-photos' and name = '" + A + "/a.jpg')"));
        assertEquals(1, AsRole.rowsThroughStorageApi(db, A, "delete from storage.objects"), "A deletes their own file in shop-photos, not the one in another bucket");
        assertEquals("other", Fixture.query(db, "select string_agg(bucket_id, ',') from storage.objects"));
    }
}
