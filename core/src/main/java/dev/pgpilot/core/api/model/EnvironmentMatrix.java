package dev.pgpilot.core.api.model;

import dev.pgpilot.core.PilotException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code status --env all}: every migration version (from the files and from each environment's
 * history) against every environment, so a team sees at a glance where staging and production stand.
 *
 * @param environments one column per environment, in the order of {@code pgpilot.yaml}
 * @param rows         one row per version, in version order
 */
public record EnvironmentMatrix(List<Column> environments, List<Row> rows) {

    /** Where one version stands in one environment. */
    public enum State {
        APPLIED("applied"), PENDING("pending"), MISSING_FILE("missing file"), MODIFIED("modified");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One environment: its status, or why it could not be read ({@code report} is null then).
     *
     * @param target where it points, password never included (null when the URL is not even known)
     */
    public record Column(String name, String target, StatusReport report, String error) {
        public boolean reachable() {
            return report != null;
        }
    }

    /** One version; {@code states} has an entry for every reachable environment. */
    public record Row(String version, String name, Map<String, State> states) {}

    /** {@code environment} lacks {@code count} versions that {@code ahead} has applied. */
    public record Behind(String environment, String ahead, int count) {
        public String sentence() {
            return environment + " is " + count + " behind " + ahead;
        }
    }

    /** How long {@code status --env all} waits for an environment's history before calling it unreachable. */
    public static final int ANSWER_WITHIN_SECONDS = 15;

    public EnvironmentMatrix {
        environments = List.copyOf(environments);
        rows = List.copyOf(rows);
    }

    /** Builds the rows from already-read columns. */
    public static EnvironmentMatrix of(List<MigrationFile> files, List<Column> columns) {
        Map<String, String> names = new TreeMap<>(MigrationName.VERSION_ORDER);
        for (MigrationFile f : files) {
            names.put(f.version(), f.name().name());
        }
        for (Column col : columns) {
            if (col.reachable()) {
                col.report().missing().forEach(e -> names.putIfAbsent(e.version(), e.name()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> v : names.entrySet()) {
            Map<String, State> states = new LinkedHashMap<>();
            for (Column col : columns) {
                if (col.reachable()) {
                    states.put(col.name(), state(col.report(), v.getKey()));
                }
            }
            rows.add(new Row(v.getKey(), v.getValue(), states));
        }
        return new EnvironmentMatrix(columns, rows);
    }

    private static State state(StatusReport r, String version) {
        if (has(r.modified(), version)) return State.MODIFIED;
        if (has(r.missing(), version)) return State.MISSING_FILE;
        if (has(r.applied(), version)) return State.APPLIED;
        return State.PENDING;
    }

    private static boolean has(List<StatusReport.Entry> entries, String version) {
        return entries.stream().anyMatch(e -> e.version().equals(version));
    }

    private Set<String> applied(String env) {
        Set<String> out = new HashSet<>();
        for (Row r : rows) {
            State s = r.states().get(env);
            if (s != null && s != State.PENDING) {
                out.add(r.version());
            }
        }
        return out;
    }

    /** Every ordered pair of reachable environments where the first lacks versions the second has applied. */
    public List<Behind> behind() {
        List<Behind> out = new ArrayList<>();
        for (Column a : environments) {
            for (Column b : environments) {
                if (a == b || !a.reachable() || !b.reachable()) continue;
                Set<String> missing = applied(b.name());
                missing.removeAll(applied(a.name()));
                if (!missing.isEmpty()) {
                    out.add(new Behind(a.name(), b.name(), missing.size()));
                }
            }
        }
        return out;
    }

    /** True when every reachable environment has each version in the same state. */
    public boolean agree() {
        return rows.stream().allMatch(r -> new HashSet<>(r.states().values()).size() <= 1);
    }

    /** True when some environment has an applied file that was edited afterwards. */
    public boolean anyModified() {
        return rows.stream().anyMatch(r -> r.states().containsValue(State.MODIFIED));
    }

    public boolean allReachable() {
        return environments.stream().allMatch(Column::reachable);
    }

    /** Exit code of {@code status --env all --check}: 2 unreachable, 1 disagreement or edited files, 0 in line. */
    public int checkExitCode() {
        if (!allReachable()) return PilotException.ERROR;
        return agree() && !anyModified() ? 0 : PilotException.REFUSED;
    }

    /** The shape of {@code status --env all --json}. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> envs = new ArrayList<>();
        for (Column c : environments) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("target", c.target());
            m.put("reachable", c.reachable());
            m.put("error", c.error());
            if (c.reachable()) {
                m.put("applied", c.report().applied().size() + c.report().missing().size());
                m.put("pending", c.report().pending().size());
                m.put("modified", c.report().modified().size());
                m.put("missing_file", c.report().missing().size());
            }
            envs.add(m);
        }
        root.put("environments", envs);
        root.put("migrations", rows.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", r.version());
            m.put("name", r.name());
            Map<String, String> states = new LinkedHashMap<>();
            r.states().forEach((k, v) -> states.put(k, v.label()));
            m.put("states", states);
            return m;
        }).toList());
        root.put("behind", behind().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("environment", b.environment());
            m.put("behind", b.ahead());
            m.put("count", b.count());
            return m;
        }).toList());
        root.put("agree", agree());
        root.put("all_reachable", allReachable());
        return root;
    }
}
