package dev.pgpilot.core.lint;

import dev.pgpilot.core.lint.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.sql.SqlScript;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every compiled pattern of the linter and the splitter (each static {@link Pattern} field of a
 * class under {@code dev/pgpilot/core/lint} and {@code dev/pgpilot/core/sql}) run with {@code find()}
 * on long adversarial statements: a 16 KB literal full of doubled quotes, a quoted identifier full of
 * doubled quotes, thousands of parentheses, repeated keywords behind each statement head the
 * patterns anchor on. Statements of that size occur in real migrations (seed data, a function body
 * held in a literal); a pattern that recurses per repetition overflows the stack on them and one
 * that backtracks quadratically hangs. The time limit is a hang guard, not a speed claim.
 */
class RegexBacktrackingTest {
    private static final int SIZE = 16 * 1024;
    private static final List<String> HEADS = List.of("", "CREATE TABLE T (", "ALTER TABLE T ", "CREATE POLICY P ON T ",
            "CREATE INDEX I ON T (", "INSERT INTO T VALUES (", "ALTER TYPE T ADD VALUE ", "CREATE OR REPLACE FUNCTION F(",
            "CREATE TRIGGER X ", "DROP TABLE ", "UPDATE T SET A = ", "VACUUM (", "GRANT ");
    private static final List<String> UNITS = List.of("'A''", "\"A\"\"", "(", "( ", " ", "A ", "ON ", "TO ", "A.", "'",
            "\"", ", ", "$$", "\\", "::TEXT ", "= ", "BUCKET_ID = 'X' AND (", "NOT NULL ", "DEFAULT ", "OR ");

    @TestFactory
    Stream<DynamicTest> noPatternOfTheLinterOrSplitterOverflowsOrHangsOnLongStatements() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> inputs = inputs();
        for (Class<?> c : classes()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                List<Pattern> patterns = patternsIn(f.get(null));
                for (int k = 0; k < patterns.size(); k++) {
                Pattern p = patterns.get(k);
                String where = c.getSimpleName() + "." + f.getName() + (patterns.size() > 1 ? "[" + k + "]" : "");
                tests.add(DynamicTest.dynamicTest(where, () -> assertLinear(where, p, inputs)));
                }
            }
        }
        for (Rule r : Rules.all()) {
            for (Class<?> c = r.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) continue;
                    f.setAccessible(true);
                    List<Pattern> patterns = patternsIn(f.get(r));
                    for (int k = 0; k < patterns.size(); k++) {
                        Pattern p = patterns.get(k);
                        String where = r.id() + "." + f.getName() + "[" + k + "]";
                        tests.add(DynamicTest.dynamicTest(where, () -> assertLinear(where, p, inputs)));
                    }
                }
            }
        }
        assertFalse(tests.isEmpty(), "found no patterns to check");
        assertTrue(tests.size() > 100, "expected the rules' patterns too, found " + tests.size());
        return tests.stream();
    }

    private static void assertLinear(String where, Pattern p, List<String> inputs) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String in : inputs) {
                try {
                    p.matcher(in).find();
                } catch (StackOverflowError e) {
                    throw new AssertionError(where + " overflows the stack on " + in.substring(0, Math.min(60, in.length())) + "...", e);
                }
            }
        }, () -> where + " takes over 20 s on long input: it backtracks");
    }

    /** The patterns a field holds: itself, or the patterns of a list, array or map of them. */
    private static List<Pattern> patternsIn(Object value) {
        List<Pattern> out = new ArrayList<>();
        if (value instanceof Pattern p) {
            out.add(p);
        } else if (value instanceof Iterable<?> it) {
            for (Object o : it) out.addAll(patternsIn(o));
        } else if (value instanceof Object[] arr) {
            for (Object o : arr) out.addAll(patternsIn(o));
        } else if (value instanceof java.util.Map<?, ?> m) {
            m.keySet().forEach(o -> out.addAll(patternsIn(o)));
            m.values().forEach(o -> out.addAll(patternsIn(o)));
        } else if (value instanceof java.util.Map.Entry<?, ?> e) {
            out.addAll(patternsIn(e.getKey()));
            out.addAll(patternsIn(e.getValue()));
        }
        return out;
    }

    /**
     * A statement head, then one unit repeated to {@link #SIZE}; once unclosed and once closed by a
     * quote and a paren. Normalized as {@link LintedStatement#norm()} is, because that is the text the patterns
     * see: whitespace outside literals is folded to one space there, inside literals it is kept.
     */
    private static List<String> inputs() {
        List<String> out = new ArrayList<>();
        for (String head : HEADS) {
            for (String unit : UNITS) {
                String body = head + unit.repeat(SIZE / unit.length());
                out.add(SqlScript.normalize(body));
                if (unit.contains("'") || unit.contains("\"")) out.add(SqlScript.normalize(body + "') X"));
            }
        }
        return out;
    }

    private static List<Class<?>> classes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(StatementText.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : List.of("dev/pgpilot/core/lint", "dev/pgpilot/core/sql")) {
            try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                    out.add(Class.forName(name, true, RegexBacktrackingTest.class.getClassLoader()));
                }
            }
        }
        return out;
    }
}
