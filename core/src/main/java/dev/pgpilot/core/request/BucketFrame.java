package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.DROP;

import dev.pgpilot.core.request.ChangeRequest.ChangeBucket;
import dev.pgpilot.core.request.ChangeRequest.CreateBucket;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "create a public storage bucket avatars, 5 MB max, images only": slots name, public, size limit
 * and mime types. A bucket the database has gets its settings changed instead ("make the avatars
 * bucket private", "raise the avatars size limit to 20 MB", "book covers should only accept
 * images"), unless the request says to create it; one it does not have is created only when the
 * request says so ("create", "make a", "new").
 */
record BucketFrame(Catalog catalog) implements Frame {
    private static final BucketNames.Span NONE = new BucketNames.Span(null, -1, -1);

    @Override
    public boolean fits(Words w) {
        if (w.has("bucket")) return true;
        if (!settings(w.all(), NONE)) return false;
        // a bucket by its id or its words ("book covers"), or a new one named like a bucket ("gym-logos") that the request creates
        return BucketNames.existing(catalog, w.all()).isPresent() || w.any(ADD) && newName(w.all()) != null;
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        Optional<BucketNames.Span> known = BucketNames.existing(catalog, all);
        BucketNames.Span span = known.orElse(NONE);
        if (w.any(DROP)) {
            if (known.isPresent() && settings(all, span)) throw refuse("taking a setting off bucket " + span.id() + " is not generated from plain English",
                    "say the setting it should have, e.g. \"raise the " + span.id() + " size limit to 50 MB\", or change it in the Supabase dashboard");
            throw refuse("deleting buckets is not generated from plain English", "it deletes files; do it in the Supabase dashboard");
        }
        String id = known.map(BucketNames.Span::id).orElseGet(() -> name(all, w.indexOfAny(Set.of("bucket"))));
        if (id == null) throw refuse("incomplete request: what is the bucket called?", "e.g. \"create a public storage bucket avatars\"");
        if (!id.matches("^[a-z0-9][a-z0-9._-]{1,62}$")) throw refuse("not a valid bucket name: " + Quote.oneLine(id), "use lower-case letters, digits, - . _");
        Long size = sizeLimit(all);
        List<String> mimes = mimeTypes(all, span, id);
        Optional<Catalog.Bucket> have = catalog.bucket(id);
        if (have.isPresent() && !w.has("create") && !w.has("new")) {
            Boolean pub = w.has("private") ? Boolean.FALSE : w.has("public") ? Boolean.TRUE : null;
            if (pub == null && size == null && mimes.isEmpty()) {
                throw refuse("change what about bucket " + id + "?", "e.g. \"make the " + id + " bucket private\", \"raise the " + id + " size limit to 20 MB\", \""
                        + id + " should only accept jpeg and png\"");
            }
            return List.of(new ChangeBucket(id, pub, size, mimes.isEmpty() ? null : mimes, have.get()));
        }
        if (have.isEmpty() && !creates(all)) {
            throw refuse("there is no bucket " + id, "say \"create a private bucket " + id + "\" to create it; " + Suggest.hint(id, catalog.bucketIds(), "buckets"));
        }
        boolean pub = w.has("public") && !w.has("private");
        return List.of(new CreateBucket(id, pub, size, mimes));
    }

    /** "create", "new", "make a ...": the request asks for a bucket that is not there ("make the X bucket private" does not). */
    private static boolean creates(List<Tok> all) {
        for (int i = 0; i < all.size(); i++) {
            Tok t = all.get(i);
            if (t.is("make") && i + 1 < all.size() && all.get(i + 1).is("the")) continue;
            if (t.word() && ADD.contains(t.text())) return true;
        }
        return false;
    }

    /** True when the words say a setting of a bucket: a file type, a size, public or private, a limit. */
    private static boolean settings(List<Tok> all, BucketNames.Span span) {
        for (int i = 0; i < all.size(); i++) {
            Tok t = all.get(i);
            if (span.covers(i)) continue;
            if (t.is("public", "private", "limit") || mime(t) != null) return true;
            if (t.kind() == Kind.NUMBER && i + 1 < all.size() && unit(all.get(i + 1).text()) > 0) return true;
        }
        return false;
    }

    /** A word named like a bucket and like no table ("gym-logos"): the name of a bucket the request creates, or null. */
    private String newName(List<Tok> all) {
        for (Tok t : all) {
            if (t.word() && t.raw().matches("^[a-z0-9]+(-[a-z0-9]+)+$") && catalog.findTable(t.text()).isEmpty()) return t.raw();
        }
        return null;
    }

    /** The first word after "bucket" ("bucket called avatars"), else the nearest one before it ("an avatars bucket"), else a bucket-like word. */
    private String name(List<Tok> all, int at) {
        if (at < 0) return newName(all);
        for (int i = at + 1; i < all.size(); i++) {
            Tok t = all.get(i);
            if (t.is("called", "named", "for", "with", "of", "a")) continue;
            // "the receipts bucket private", "bucket that only takes PDFs": a setting, not the name
            if (t.word() && (t.is("public", "private", "that", "which", "should", "only", "limited", "to", "up", "is", "must") || mime(t) != null)) break;
            if (t.kind() == Kind.QUOTED || t.word()) return t.kind() == Kind.QUOTED ? t.text() : t.raw();
        }
        for (int i = at - 1; i >= 0; i--) {
            Tok t = all.get(i);
            if (t.word() && !t.is("public", "private", "storage", "a", "an", "new", "the") && !ADD.contains(t.text())) return t.raw();
        }
        return null;
    }

    private static long unit(String unit) {
        return switch (unit) {
            case "kb", "k" -> 1024L;
            case "mb", "m", "megabytes" -> 1024L * 1024;
            case "gb", "g", "gigabytes" -> 1024L * 1024 * 1024;
            case "bytes", "b" -> 1L;
            default -> 0L;
        };
    }

    private static Long sizeLimit(List<Tok> all) {
        Long limit = null;
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).kind() != Kind.NUMBER) continue;
            long mult = unit(all.get(i + 1).text());
            if (mult > 0) limit = Math.round(Double.parseDouble(all.get(i).text()) * mult);
        }
        return limit;
    }

    /** The MIME type a word names ("pdfs", "jpg", "images"), or null. */
    static String mime(Tok t) {
        if (t.kind() != Kind.WORD) return null;
        if (t.raw().matches("^[a-z]+/[a-z0-9.+*-]+$")) return t.raw();
        return switch (Inflect.singular(t.text())) {
            case "pdf" -> "application/pdf";
            case "image", "picture", "photo", "pic" -> "image/*";
            case "png" -> "image/png";
            case "jpeg", "jpg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "svg" -> "image/svg+xml";
            case "avif" -> "image/avif";
            case "heic" -> "image/heic";
            case "csv" -> "text/csv";
            case "txt" -> "text/plain";
            case "video" -> "video/*";
            case "mp4" -> "video/mp4";
            case "audio" -> "audio/*";
            case "mp3" -> "audio/mpeg";
            case "zip" -> "application/zip";
            case "json" -> "application/json";
            default -> null;
        };
    }

    private static List<String> mimeTypes(List<Tok> all, BucketNames.Span span, String id) {
        Set<String> mimes = new LinkedHashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Tok t = all.get(i);
            String m = mime(t);
            // the bucket's own name ("the photos bucket") says no type
            if (m != null && !span.covers(i) && !t.raw().equals(id)) mimes.add(m);
        }
        // "jpeg and png images": the named types narrow the family word, which then adds nothing
        mimes.removeIf(m -> m.endsWith("/*") && mimes.stream().anyMatch(x -> !x.equals(m) && x.startsWith(m.substring(0, m.length() - 1))));
        return List.copyOf(mimes);
    }
}
