package dev.pgpilot.core.lint;

import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.rules.Rules;
import dev.pgpilot.core.lint.run.Linter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.workspace.Config;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/lint/<rule-id>/}: {@code bad*.sql} and
 * {@code good*.sql}, each with {@code -- expect: RULE@LINE, ...} (or {@code none}), an optional
 * {@code -- file: NAME} and an optional {@code before.sql} replayed as the earlier migrations.
 * For each fixture the findings of the folder's rule and of every rule named in the expectation
 * must match exactly, and switching the folder's rule off must remove exactly its expected
 * findings: the rule, not another one, produced them.
 */
class LintFixturesTest {
    private static final Pattern EXPECT = Pattern.compile("(?m)^--\\s*expect:\\s*(.*)$");
    private static final Pattern FILE = Pattern.compile("(?m)^--\\s*file:\\s*(\\S+)");

    static Path root() {
        try {
            return Path.of(LintFixturesTest.class.getResource("/lint").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFixtureProducesExactlyItsExpectedFindings() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root())) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String rule = dir.getFileName().toString();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        String n = f.getFileName().toString();
                        if (n.startsWith("bad") || n.startsWith("good")) {
                            tests.add(DynamicTest.dynamicTest(rule + "/" + n, () -> checkFixture(rule, dir, f)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void checkFixture(String rule, Path dir, Path fixture) throws IOException {
        String sql = Files.readString(fixture);
        Matcher e = EXPECT.matcher(sql);
        assertTrue(e.find(), "fixture has no -- expect: line");
        Set<String> expected = new HashSet<>();
        for (String part : e.group(1).split(",")) {
            if (!part.isBlank() && !part.trim().equals("none")) expected.add(part.trim());
        }
        boolean bad = fixture.getFileName().toString().startsWith("bad");
        assertEquals(bad, !expected.isEmpty(), "bad fixtures expect findings, good ones expect none");
        String fileName = fileNameOf(sql);
        Path before = dir.resolve("before.sql");
        SchemaModel model = Files.exists(before) ? SchemaModel.of(Files.readString(before)) : SchemaModel.empty();

        Path manifestFile = dir.resolve("manifest.json");
        SchemaManifest manifest = Files.exists(manifestFile) ? SchemaManifest.parse(Files.readString(manifestFile)) : null;
        Set<String> watched = new HashSet<>();
        watched.add(rule);
        expected.forEach(x -> watched.add(x.substring(0, x.indexOf('@'))));
        List<Finding> all = new Linter(Config.defaults(), Map.of(), manifest).lintSql(fileName, sql, model).findings();
        assertFalse(all.stream().anyMatch(f -> f.message().startsWith("rule failed")), () -> "a rule crashed: " + all);
        Set<String> actual = keys(all, watched);
        assertEquals(expected, actual, () -> "findings of " + watched + " in " + fixture.getFileName());

        List<Finding> withoutRule = new Linter(Config.defaults(), Map.of(rule, Severity.OFF), manifest).lintSql(fileName, sql, model).findings();
        Set<String> removed = keys(all, Set.of(rule, "*"));
        removed.removeAll(keys(withoutRule, Set.of("*")));
        Set<String> expectedOfRule = new HashSet<>();
        expected.stream().filter(x -> x.startsWith(rule + "@")).forEach(expectedOfRule::add);
        assertEquals(expectedOfRule, removed, "turning " + rule + " off removes exactly its expected findings");
    }

    /** The migration file name a fixture is linted under: its {@code -- file:} line, or a well-formed default. */
    static String fileNameOf(String sql) {
        Matcher fm = FILE.matcher(sql);
        return fm.find() ? fm.group(1) : "20240101120000_fixture.sql";
    }

    /** rule@line keys of the findings whose rule is watched ("*" = all). */
    private static Set<String> keys(List<Finding> findings, Set<String> watched) {
        Set<String> out = new HashSet<>();
        for (Finding f : findings) {
            if (watched.contains("*") || watched.contains(f.ruleId())) out.add(f.ruleId() + "@" + f.line());
        }
        return out;
    }

    /**
     * A rule of severity error blocks {@code up} and Slack approvals, so its edges are pinned from both
     * sides: at least three shapes it must catch and three look-alikes it must let through.
     */
    @Test
    void everyErrorRuleHasThreeBadAndThreeGoodFixtures() throws IOException {
        Linter defaults = new Linter(Config.defaults());
        List<String> tooFew = new ArrayList<>();
        for (Rule r : Rules.all()) {
            if (defaults.severityOf(r.id()) != Severity.ERROR) continue;
            long bad = fixtures(r.id(), "bad");
            long good = fixtures(r.id(), "good");
            if (bad < 3 || good < 3) tooFew.add(r.id() + ": " + bad + " bad, " + good + " good");
        }
        assertEquals(List.of(), tooFew, "error rules with fewer than 3 bad or 3 good fixtures");
    }

    private static long fixtures(String rule, String prefix) throws IOException {
        Path dir = root().resolve(rule);
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".sql")).count();
        }
    }

    @Test
    void everyRuleHasABadAndAGoodFixture() {
        for (Rule r : Rules.all()) {
            Path dir = root().resolve(r.id());
            assertTrue(Files.exists(dir.resolve("bad.sql")) && Files.exists(dir.resolve("good.sql")), "fixtures missing for " + r.id());
        }
    }
}
