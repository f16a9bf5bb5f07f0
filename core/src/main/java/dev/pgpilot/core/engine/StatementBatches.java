package dev.pgpilot.core.engine;

import dev.pgpilot.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration's statements cut into batches, each sent to the server in one call (one round trip).
 * One call for a whole file is quadratic in the driver (it chains every statement's result by walking
 * the chain: 5 MB of INSERTs took 48 s), and a failure in it could not be placed without running the
 * file again; bounded batches keep both small.
 *
 * @param batches in file order; together they hold every statement once
 */
record StatementBatches(List<Batch> batches) {
    /** The driver reads results back once about 250 statements are pending; a batch of that size costs one sync. */
    static final int MAX_STATEMENTS = 250;
    static final int MAX_CHARS = 256 * 1024;

    /**
     * @param statements the batch's statements, in order
     * @param text       the script from the first statement's first token to just past the last one's
     *                   semicolon: comments between statements stay, so nothing is rewritten
     */
    record Batch(List<SqlStatement> statements, String text) {}

    /** {@code body} is the text the statements' offsets point into. */
    static StatementBatches of(List<SqlStatement> statements, String body) {
        List<Batch> batches = new ArrayList<>();
        int from = 0;
        int chars = 0;
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            chars += s.endOffset() - s.startOffset();
            boolean full = i - from + 1 == MAX_STATEMENTS || chars >= MAX_CHARS || i == statements.size() - 1;
            if (full) {
                List<SqlStatement> part = List.copyOf(statements.subList(from, i + 1));
                batches.add(new Batch(part, body.substring(part.get(0).startOffset(), s.endOffset())));
                from = i + 1;
                chars = 0;
            }
        }
        return new StatementBatches(List.copyOf(batches));
    }
}
