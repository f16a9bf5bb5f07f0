package dev.pgpilot.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Puts an "Examples:" footer under each command's help, from {@code examples.txt} beside this
 * class (one file, so the examples are easy to review and keep true). A command that declares its
 * own footer keeps it.
 */
final class HelpExamples {
    private static final Map<String, List<String>> EXAMPLES = load();

    private HelpExamples() {}

    static void addTo(CommandLine root) {
        root.getSubcommands().forEach((name, sub) -> {
            List<String> examples = EXAMPLES.get(name);
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            if (examples == null || usage.footer().length > 0) {
                return;
            }
            List<String> footer = new ArrayList<>(List.of("", "Examples:"));
            examples.forEach(e -> footer.add("  " + e));
            usage.footer(footer.toArray(String[]::new));
        });
    }

    static Map<String, List<String>> load() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        try (InputStream in = HelpExamples.class.getResourceAsStream("examples.txt")) {
            if (in == null) {
                return m;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = m.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(line.strip());
                }
            }
        } catch (IOException e) {
            // help without examples is still help
        }
        return m;
    }
}
