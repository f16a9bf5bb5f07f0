package dev.pgpilot.core.lint;

import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.lint.run.Linter;
import dev.pgpilot.core.lint.run.ReportWriter;
import dev.pgpilot.core.Golden;
import dev.pgpilot.core.workspace.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What a person reads for each rule, pinned: for every bad fixture of the rule (see
 * {@link LintFixturesTest}), each of the rule's findings as the text report prints it (position,
 * severity, message, the offending line, the fix), in {@code golden/lint/<rule-id>.txt}.
 */
class LintMessagesGoldenTest {
    @TestFactory
    Stream<DynamicTest> everyRulesMessagesAndFixTextArePinned() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(LintFixturesTest.root())) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String rule = dir.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(rule, () -> Golden.assertMatches("lint/" + rule + ".txt", messages(rule, dir))));
            }
        }
        return tests.stream();
    }

    private static String messages(String rule, Path dir) throws IOException {
        Path before = dir.resolve("before.sql");
        Path manifestFile = dir.resolve("manifest.json");
        SchemaManifest manifest = Files.exists(manifestFile) ? SchemaManifest.parse(Files.readString(manifestFile)) : null;
        StringBuilder out = new StringBuilder();
        List<Path> bad;
        try (Stream<Path> files = Files.list(dir)) {
            bad = files.filter(f -> f.getFileName().toString().startsWith("bad")).sorted().toList();
        }
        for (Path f : bad) {
            SchemaModel model = Files.exists(before) ? SchemaModel.of(Files.readString(before)) : SchemaModel.empty();
            String sql = Files.readString(f);
            LintReport all = new Linter(Config.defaults(), Map.of(), manifest).lintSql(LintFixturesTest.fileNameOf(sql), sql, model);
            List<Finding> ofRule = all.findings().stream().filter(x -> x.ruleId().equals(rule)).toList();
            out.append("== ").append(f.getFileName()).append('\n');
            out.append(ReportWriter.text(new LintReport(ofRule, 1), false));
        }
        return out.toString();
    }
}
