package dev.pgpilot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of core depends on itself through others. A package uses another when one of its main
 * source files names a class of it by qualified name (an import or inline), as the "uses" command of
 * ARCHITECTURE.md counts; the strongly connected groups of that graph with more than one package are cycles.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/pgpilot/core");
    private static final Pattern NAMED = Pattern.compile("dev\\.pgpilot\\.core\\.([a-z][a-z0-9.]*[a-z0-9])\\.[A-Z]");

    @Test
    void corePackagesFormNoCycle() throws Exception {
        Map<String, Set<String>> uses = uses();
        assertTrue(uses.size() > 10, "read core's packages: " + uses.keySet());
        List<String> cycles = new ArrayList<>();
        for (Set<String> group : new Components(uses).groups()) {
            if (group.size() > 1) cycles.add(group + " via " + edgesWithin(group, uses));
        }
        assertEquals(List.of(), cycles, "package cycles in core (each group uses itself through the others)");
    }

    private static Map<String, Set<String>> uses() throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(f.getParent());
                if (dir.toString().isEmpty()) continue; // the root package holds only PilotException, which every package may use
                String pkg = dir.toString().replace('/', '.');
                Set<String> used = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = NAMED.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(pkg)) used.add(m.group(1));
            }
        }
        return out;
    }

    private static List<String> edgesWithin(Set<String> group, Map<String, Set<String>> uses) {
        List<String> out = new ArrayList<>();
        for (String from : group) for (String to : uses.get(from)) if (group.contains(to)) out.add(from + " -> " + to);
        return out;
    }

    /** Tarjan's strongly connected components. */
    private static final class Components {
        private final Map<String, Set<String>> uses;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<Set<String>> groups = new ArrayList<>();

        Components(Map<String, Set<String>> uses) {
            this.uses = uses;
        }

        List<Set<String>> groups() {
            for (String p : uses.keySet()) if (!index.containsKey(p)) visit(p);
            return groups;
        }

        private void visit(String p) {
            index.put(p, index.size());
            low.put(p, index.get(p));
            stack.push(p);
            for (String q : uses.getOrDefault(p, Set.of())) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (stack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                Set<String> group = new TreeSet<>();
                String q;
                do {
                    q = stack.pop();
                    group.add(q);
                } while (!q.equals(p));
                groups.add(group);
            }
        }
    }
}
