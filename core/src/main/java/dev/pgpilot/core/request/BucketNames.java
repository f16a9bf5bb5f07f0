package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;

/**
 * A bucket the database has, as a request names it: its id ("listing-photos") or its words
 * ("book covers" for book-covers, "lab results" for lab_results).
 */
final class BucketNames {
    private BucketNames() {}

    /** The bucket and the tokens [from, to) that name it. */
    record Span(String id, int from, int to) {
        boolean covers(int i) {
            return i >= from && i < to;
        }
    }

    static Optional<Span> existing(Catalog catalog, List<Tok> all) {
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).word()) continue;
            if (catalog.bucket(all.get(i).raw()).isPresent()) return Optional.of(new Span(all.get(i).raw(), i, i + 1));
            StringBuilder words = new StringBuilder(all.get(i).text());
            for (int j = i + 1; j < all.size() && j < i + 3 && all.get(j).word(); j++) {
                words.append(' ').append(all.get(j).text());
                for (String joiner : List.of("-", "_")) {
                    String id = words.toString().replace(" ", joiner);
                    if (catalog.bucket(id).isPresent()) return Optional.of(new Span(id, i, j + 1));
                }
            }
        }
        return Optional.empty();
    }
}
