package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.DROP;

import dev.pgpilot.core.request.ChangeRequest.CreateBucket;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** "create a public storage bucket avatars, 5 MB max, images only": slots name, public, size limit and mime types. */
record BucketFrame() implements Frame {
    @Override
    public boolean fits(Words w) {
        return w.has("bucket");
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        if (w.any(DROP)) throw refuse("deleting buckets is not generated from plain English", "it deletes files; do it in the Supabase dashboard");
        String id = name(all, w.indexOfAny(Set.of("bucket")));
        if (id == null) throw refuse("incomplete request: what is the bucket called?", "e.g. \"create a public storage bucket avatars\"");
        if (!id.matches("^[a-z0-9][a-z0-9._-]{1,62}$")) throw refuse("not a valid bucket name: " + Quote.oneLine(id), "use lower-case letters, digits, - . _");
        boolean pub = w.has("public") && !w.has("private");
        return List.of(new CreateBucket(id, pub, sizeLimit(all), mimeTypes(all, id)));
    }

    /** The first word after "bucket" ("bucket called avatars"), else the nearest one before it ("an avatars bucket"). */
    private static String name(List<Tok> all, int at) {
        for (int i = at + 1; i < all.size(); i++) {
            Tok t = all.get(i);
            if (t.is("called", "named", "for", "with", "of", "a")) continue;
            if (t.kind() == Kind.QUOTED || t.word()) return t.kind() == Kind.QUOTED ? t.text() : t.raw();
        }
        for (int i = at - 1; i >= 0; i--) {
            Tok t = all.get(i);
            if (t.word() && !t.is("public", "private", "storage", "a", "an", "new", "the") && !ADD.contains(t.text())) return t.raw();
        }
        return null;
    }

    private static Long sizeLimit(List<Tok> all) {
        Long limit = null;
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).kind() == Kind.NUMBER) {
                String unit = all.get(i + 1).text();
                long mult = switch (unit) { case "kb", "k" -> 1024L; case "mb", "m", "megabytes" -> 1024L * 1024; case "gb", "g", "gigabytes" -> 1024L * 1024 * 1024; case "bytes", "b" -> 1L; default -> 0L; };
                if (mult > 0) limit = Math.round(Double.parseDouble(all.get(i).text()) * mult);
            }
        }
        return limit;
    }

    private static List<String> mimeTypes(List<Tok> all, String id) {
        Set<String> mimes = new LinkedHashSet<>();
        for (Tok t : all) {
            String m = switch (Inflect.singular(t.text())) {
                case "pdf" -> "application/pdf";
                case "image", "picture", "photo" -> "image/*";
                case "png" -> "image/png";
                case "jpeg", "jpg" -> "image/jpeg";
                case "gif" -> "image/gif";
                case "webp" -> "image/webp";
                case "svg" -> "image/svg+xml";
                case "csv" -> "text/csv";
                case "video" -> "video/*";
                case "audio" -> "audio/*";
                case "zip" -> "application/zip";
                case "json" -> "application/json";
                default -> null;
            };
            if (m != null && !t.raw().equals(id)) mimes.add(m);
            if (t.kind() == Kind.WORD && t.raw().matches("^[a-z]+/[a-z0-9.+*-]+$")) mimes.add(t.raw());
        }
        return List.copyOf(mimes);
    }
}
