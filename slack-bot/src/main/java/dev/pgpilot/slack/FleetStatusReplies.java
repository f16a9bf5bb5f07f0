package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.core.api.model.EnvironmentMatrix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /pgpilot status all}: the same fleet {@code status --env all} reads, as Slack text. A
 * version-by-environment table does not fit a phone, so it shows one line per environment, then
 * only the versions the environments disagree on, then who is behind whom.
 */
final class FleetStatusReplies {
    /** A fleet can be large: past this many sections of environment lines the rest is counted, not listed. */
    static final int ENVIRONMENT_SECTIONS = 20;
    /** An unreachable environment's error is shown up to this length (a JDBC error can be a paragraph). */
    static final int ERROR_SHOWN = 300;

    private FleetStatusReplies() {}

    static List<LayoutBlock> status(EnvironmentMatrix m) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<EnvironmentMatrix.Column> envs = m.environments();
        long unreachable = envs.stream().filter(c -> !c.reachable()).count();
        long upToDate = envs.stream().filter(c -> c.reachable() && c.report().upToDate()).count();
        blocks.add(Sections.text("*Status of every environment* (" + envs.size() + "): " + upToDate + " up to date · "
                + (envs.size() - upToDate - unreachable) + " not up to date · " + unreachable + " unreachable\n" + verdict(m)));
        blocks.addAll(sections(envs.stream().map(FleetStatusReplies::line).toList()));
        List<EnvironmentMatrix.Row> disagreeing = m.rows().stream().filter(r -> new HashSet<>(r.states().values()).size() > 1).toList();
        if (!disagreeing.isEmpty()) {
            StringBuilder sb = new StringBuilder("*Versions not in the same state everywhere* (" + disagreeing.size() + ")");
            disagreeing.stream().limit(StatusReplies.LIST_LIMIT).forEach(r -> sb.append("\n• ").append(Mrkdwn.code(r.version())).append(' ')
                    .append(Mrkdwn.escape(r.name())).append(" — ").append(byState(r)));
            if (disagreeing.size() > StatusReplies.LIST_LIMIT) {
                sb.append("\n_… and ").append(disagreeing.size() - StatusReplies.LIST_LIMIT).append(" more; `pgpilot status --env all` lists every one_");
            }
            blocks.add(Sections.text(sb.toString()));
        }
        List<EnvironmentMatrix.Behind> behind = m.behind();
        if (!behind.isEmpty()) {
            StringBuilder sb = new StringBuilder("*Behind*");
            behind.stream().limit(StatusReplies.LIST_LIMIT).forEach(b -> sb.append("\n• ").append(Mrkdwn.escape(b.sentence())));
            if (behind.size() > StatusReplies.LIST_LIMIT) {
                sb.append("\n_… and ").append(behind.size() - StatusReplies.LIST_LIMIT).append(" more_");
            }
            blocks.add(Sections.text(sb.toString()));
        }
        return blocks;
    }

    private static String verdict(EnvironmentMatrix m) {
        String agree = m.agree() ? (m.allReachable() ? ":white_check_mark: all environments agree" : ":white_check_mark: the reachable environments agree")
                : ":warning: environments disagree";
        return agree + (m.anyModified() ? "\n:warning: an applied file was edited afterwards (marked modified below)" : "");
    }

    private static String line(EnvironmentMatrix.Column c) {
        if (!c.reachable()) {
            String error = c.error() == null ? "unknown error" : c.error().strip().replaceAll("\\s+", " ");
            return "• :x: `" + Mrkdwn.escape(c.name()) + "` *unreachable* — "
                    + Mrkdwn.escape(error.length() > ERROR_SHOWN ? error.substring(0, ERROR_SHOWN - 1) + "…" : error);
        }
        StatusReport r = c.report();
        StringBuilder sb = new StringBuilder("• " + (r.upToDate() ? ":white_check_mark:" : ":large_yellow_circle:") + " `" + Mrkdwn.escape(c.name())
                + "` " + (r.applied().size() + r.missing().size()) + " applied · " + r.pending().size() + " pending");
        if (!r.modified().isEmpty()) {
            sb.append(" · ").append(r.modified().size()).append(" modified");
        }
        if (!r.missing().isEmpty()) {
            sb.append(" · ").append(r.missing().size()).append(" applied without a file");
        }
        return sb.toString();
    }

    /** "applied on staging, dev · pending on prod". */
    private static String byState(EnvironmentMatrix.Row r) {
        Map<EnvironmentMatrix.State, List<String>> by = new LinkedHashMap<>();
        r.states().forEach((env, state) -> by.computeIfAbsent(state, s -> new ArrayList<>()).add(env));
        return by.entrySet().stream().map(e -> e.getKey().label() + " on " + e.getValue().stream().map(Mrkdwn::escape)
                .collect(Collectors.joining(", "))).collect(Collectors.joining(" · "));
    }

    /** Environment lines packed into sections within Slack's 3,000 characters, at most {@link #ENVIRONMENT_SECTIONS} of them. */
    private static List<LayoutBlock> sections(List<String> lines) {
        List<String> packed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (current.length() > 0 && current.length() + 1 + line.length() > Sections.SECTION_LIMIT - 100) {
                packed.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : "\n").append(line);
        }
        if (current.length() > 0) {
            packed.add(current.toString());
        }
        List<LayoutBlock> out = new ArrayList<>();
        packed.stream().limit(ENVIRONMENT_SECTIONS).forEach(s -> out.add(Sections.text(s)));
        if (packed.size() > ENVIRONMENT_SECTIONS) {
            long shown = packed.stream().limit(ENVIRONMENT_SECTIONS).mapToLong(s -> s.lines().count()).sum();
            out.add(Sections.text("_… and " + (lines.size() - shown) + " more environments; `pgpilot status --env all` shows every one_"));
        }
        return out;
    }
}
