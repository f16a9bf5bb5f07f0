package dev.pgpilot.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the text templates shipped under {@code dev/pgpilot/core/templates/}. */
public final class Templates {
    private Templates() {}

    public static String load(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
