package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Shell and slack-bot stand on {@code core.api} alone. This runs the very command ARCHITECTURE.md
 * gives for checking that, so the documented check and the tested one cannot drift apart. What it
 * still finds must be listed in {@code front-end-imports.allowed}: a new reach into core's internals
 * fails here, and so does a listed one that is gone (the list only shrinks).
 */
class FrontEndImportsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String MARK = "<!-- front-end-imports-check -->";

    @Test
    void frontEndsReachIntoCoreOnlyWhereTheAllowedListStillSaysSo() throws Exception {
        String command = documentedCommand();
        Process p = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the check did not finish");
        TreeSet<String> found = new TreeSet<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) found.add(line.replaceFirst(":\\d+:", " ")); // line numbers move with every edit
        }
        TreeSet<String> allowed = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/front-end-imports.allowed"))) {
            if (!line.isBlank() && !line.startsWith("#")) allowed.add(line.strip());
        }
        TreeSet<String> added = new TreeSet<>(found);
        added.removeAll(allowed);
        TreeSet<String> gone = new TreeSet<>(allowed);
        gone.removeAll(found);
        assertEquals(List.of(), List.copyOf(added), "front ends reach into core past core.api (use or extend the facade instead):");
        assertEquals(List.of(), List.copyOf(gone), "no longer found: delete these lines from shell/src/test/resources/front-end-imports.allowed");
    }

    /** The fenced command right after the marker in ARCHITECTURE.md. */
    private static String documentedCommand() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("ARCHITECTURE.md"));
        int mark = lines.indexOf(MARK);
        assertTrue(mark >= 0, "ARCHITECTURE.md lost its " + MARK + " line");
        StringBuilder command = new StringBuilder();
        for (String line : lines.subList(mark + 2, lines.size())) { // mark, then the opening fence
            if (line.startsWith("```")) break;
            command.append(line).append('\n');
        }
        return command.toString();
    }
}
