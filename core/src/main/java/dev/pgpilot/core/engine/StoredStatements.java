package dev.pgpilot.core.engine;

import dev.pgpilot.core.sql.CliStatements;
import dev.pgpilot.core.sql.PlainTransactionControl;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.api.model.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code statements} of a {@code supabase_migrations.schema_migrations} row, the shared truth of
 * what ran for a version: whoever wrote the row (the Supabase CLI's push, repair or squash, or
 * pgpilot), the file is unchanged when its statements are the row's. Rows are compared by a digest
 * the server computes ({@link #DIGEST_SQL}), so status does not fetch every statement; both sides
 * are first put in one canonical form, so line endings and the trailing semicolon (stored with and
 * without by different CLI versions) do not count.
 */
public final class StoredStatements {
    private StoredStatements() {}

    /**
     * The digest of {@code m.statements} in SQL: each statement with CRLF and CR turned into LF,
     * trailing whitespace and semicolons and leading whitespace removed, empty ones dropped, joined
     * with U+0001, MD5 in hex; NULL when the row has no statements. Mirrors {@link #digest}.
     */
    static final String DIGEST_SQL = "CASE WHEN m.statements IS NULL THEN NULL ELSE md5(coalesce((SELECT string_agg(c, chr(1) ORDER BY i)"
            + " FROM (SELECT regexp_replace(regexp_replace(replace(replace(s, chr(13) || chr(10), chr(10)), chr(13), chr(10)),"
            + " '[[:space:];]+$', ''), '^[[:space:]]+', '') AS c, i FROM unnest(m.statements) WITH ORDINALITY AS u(s, i)) x"
            + " WHERE c <> ''), '')) END";

    private static final Pattern TRAILING = Pattern.compile("[\\s;]+$");
    private static final Pattern LEADING = Pattern.compile("^\\s+");

    /**
     * The statements pgpilot writes for a file: the Supabase CLI's split of the file as written (a CRLF
     * file keeps its CRs, as the CLI keeps them), so both tools write the same row and
     * {@code supabase migration fetch} gives the file back as it was.
     */
    public static List<String> of(MigrationFile f) {
        return CliStatements.of(f.text());
    }

    /** The digest of statements, as {@link #DIGEST_SQL} computes it on the server. */
    public static String digest(List<String> statements) {
        StringBuilder joined = new StringBuilder();
        for (String s : statements) {
            if (s == null) continue;
            String c = LEADING.matcher(TRAILING.matcher(MigrationFile.normalize(s)).replaceAll("")).replaceAll("");
            if (c.isEmpty()) continue;
            if (!joined.isEmpty()) joined.append('\u0001');
            joined.append(c);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when a row with this digest records the file as it is now. Rows as the Supabase CLI writes
     * them (and pgpilot does) must hold the file's statements. Rows pgpilot wrote before it stored
     * statements the CLI's way hold its own split (with or without the file's plain BEGIN/COMMIT,
     * which up dropped and repair kept); that split leaves out leading comments, so for such a row
     * pgpilot's log checksum of the whole file ({@code loggedChecksum}, null when unknown) decides.
     */
    public static boolean recordsFile(String rowDigest, String loggedChecksum, MigrationFile f) {
        if (rowDigest.equals(digest(of(f)))) {
            return true;
        }
        List<SqlStatement> own = SqlScript.parse(f.sql()).statements();
        boolean ownSplit = rowDigest.equals(digest(texts(own)))
                || PlainTransactionControl.find(own).map(p -> rowDigest.equals(digest(texts(p.remaining(own))))).orElse(false);
        return ownSplit && (loggedChecksum == null || loggedChecksum.equals(f.checksum()));
    }

    private static List<String> texts(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::sql).toList();
    }
}
