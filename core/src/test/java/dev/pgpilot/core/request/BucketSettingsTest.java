package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.request.ChangeRequest.ChangeBucket;
import dev.pgpilot.core.request.ChangeRequest.CreateBucket;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bucket's settings as words: an existing bucket is changed (public or private, size limit, the
 * MIME types its words name) and its down puts back exactly what storage.buckets had; a missing
 * one is created only when the request says so; a bucket the migration created is deleted by the
 * down only while it is empty.
 */
class BucketSettingsTest {
    private static final String BUCKETS = "insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values"
            + " ('avatars', 'avatars', true, 1048576, array['image/gif']), ('book-covers', 'book-covers', false, null, null)";

    private static String row(DatabaseTarget db, String id) throws SQLException {
        return Fixture.query(db, "select public || ' ' || coalesce(file_size_limit::text, '-') || ' ' || coalesce(array_to_string(allowed_mime_types, ','), '-')"
                + " from storage.buckets where id = '" + id + "'");
    }

    /** Plans and applies the request, checks the bucket, runs the down and checks the bucket is as it was. */
    private static void changesAndComesBack(String request, String id, String after) throws Exception {
        DatabaseTarget db = Fixture.freshWith(BUCKETS);
        String before = row(db, id);
        MigrationSql m = RoundTripTest.plan(db, request);
        Fixture.exec(db, m.upSql());
        assertEquals(after, row(db, id), request);
        Fixture.exec(db, m.upSql());
        assertEquals(after, row(db, id), "running it twice changes nothing more");
        Fixture.exec(db, m.downSql());
        assertEquals(before, row(db, id), "the down puts back the settings " + id + " had");
    }

    /** Public or private, the size in bytes, the MIME types each word names: only what the request names changes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        make the avatars bucket private                       | avatars     | false 1048576 image/gif
        raise the avatars size limit to 20 MB                 | avatars     | true 20971520 image/gif
        avatars should only accept jpeg and png, up to 10MB   | avatars     | true 10485760 image/jpeg,image/png
        book covers should only accept images                 | book-covers | false - image/*
        """)
    void theNamedSettingsChangeAndTheDownPutsBackWhatTheBucketHad(String request, String id, String after) throws Exception {
        changesAndComesBack(request, id, after);
    }

    @Test
    void aFileTypeWithNoMimeTypeIsRefusedNamingTheWord() throws Exception {
        Catalog catalog = Fixture.catalog(Fixture.freshWith(BUCKETS));
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("avatars should only accept jpeg and dicom"));
        assertTrue(e.getMessage().contains("\"dicom\""), e.getMessage());
    }

    @Test
    void aMissingBucketIsCreatedOnlyWhenTheRequestSaysSo() throws Exception {
        Catalog catalog = Fixture.catalog(Fixture.freshWith(BUCKETS));
        List<ChangeRequest> made = new RequestParser(catalog).parse("only allow pdfs in tax-forms, create it private").changes();
        assertEquals(List.of(new CreateBucket("tax-forms", false, null, List.of("application/pdf"))), made);
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("make the receipts bucket private"));
        assertTrue(e.getMessage().contains("there is no bucket receipts"), e.getMessage());
    }

    @Test
    void settingsTheBucketAlreadyHasAreNothingToDo() throws Exception {
        Catalog catalog = Fixture.catalog(Fixture.freshWith(BUCKETS));
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("make the avatars bucket public"));
        assertEquals(PilotException.NOTHING_TO_DO, e.exitCode(), e.getMessage());
    }

    @Test
    void theChangeCarriesWhatTheBucketHadForTheDown() throws Exception {
        Catalog catalog = Fixture.catalog(Fixture.freshWith(BUCKETS));
        ChangeBucket c = assertInstanceOf(ChangeBucket.class, new RequestParser(catalog).parse("lower the avatars size limit to 512 KB").changes().get(0));
        assertEquals(new ChangeBucket("avatars", null, 524288L, null, new Catalog.Bucket("avatars", true, 1048576L, List.of("image/gif"))), c);
    }

    @Test
    void theDownOfANewBucketDeletesItOnlyWhileItHoldsNoFiles() throws Exception {
        DatabaseTarget db = Fixture.fresh();
        MigrationSql m = RoundTripTest.plan(db, "create a private bucket scans that only takes PDFs");
        Fixture.exec(db, m.upSql());
        Fixture.exec(db, "insert into storage.objects (bucket_id, name) values ('scans', 'x/1.pdf')");
        SQLException e = assertThrows(SQLException.class, () -> Fixture.exec(db, "begin;\n" + m.downSql() + "\ncommit;"));
        assertTrue(e.getMessage().contains("bucket scans still holds 1 files"), e.getMessage());
        Fixture.exec(db, "set storage.allow_delete_query = 'true'; delete from storage.objects where bucket_id = 'scans'");
        Fixture.exec(db, "begin;\n" + m.downSql() + "\ncommit;");
        assertEquals("0", Fixture.query(db, "select count(*) from storage.buckets where id = 'scans'"));
    }
}
