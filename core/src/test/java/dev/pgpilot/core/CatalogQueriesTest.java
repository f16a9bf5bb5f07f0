package dev.pgpilot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a database's schema is, is read in core.catalog. ARCHITECTURE.md gives the command that lists
 * every other main source file querying pg_catalog or information_schema, and a table saying why
 * each one does; this runs that command and holds its output to the table's first column, both ways,
 * so a new catalog reader outside core.catalog fails here until it moves there or says why it may not.
 */
class CatalogQueriesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String MARK = "<!-- catalog-queries-check -->";

    @Test
    void onlyTheFilesArchitectureMdExplainsQueryTheCatalogOutsideCoreCatalog() throws Exception {
        List<String> doc = Files.readAllLines(ROOT.resolve("ARCHITECTURE.md"));
        int at = doc.indexOf(MARK);
        assertTrue(at >= 0 && doc.get(at + 1).startsWith("```") && doc.get(at + 3).startsWith("```"),
                "ARCHITECTURE.md: " + MARK + ", then a fenced one-line command");
        Process p = new ProcessBuilder("bash", "-c", doc.get(at + 2)).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not finish");
        TreeSet<String> found = new TreeSet<>(out.lines().filter(l -> !l.isBlank()).toList());
        TreeSet<String> explained = new TreeSet<>();
        int row = at + 4;
        while (row < doc.size() && doc.get(row).isBlank()) row++;
        for (; row < doc.size() && doc.get(row).startsWith("|"); row++) {
            String first = doc.get(row).split("\\|")[1].strip();
            if (first.startsWith("`")) explained.add(first.replace("`", ""));
        }
        assertTrue(found.size() > 3, "the command found the known readers: " + out);
        assertEquals(explained, found, "the table in ARCHITECTURE.md (expected) vs the files outside core.catalog the command finds querying the catalog (was)");
    }
}
