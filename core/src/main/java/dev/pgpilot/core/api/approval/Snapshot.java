package dev.pgpilot.core.api.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an approval's meaning depends on, taken when it is requested and again before it is decided
 * and run: any difference means the approvers saw something else than what would run.
 *
 * @param environment the environment's name ("local", or the host for a plain URL)
 * @param target      where it connects: host:port/database and user, never a password
 * @param historyHead the newest applied version and how many are applied ("none" before any)
 * @param files       every migration file of the workspace, file name to SHA-256
 */
public record Snapshot(String environment, String target, String historyHead, Map<String, String> files) {
    public Snapshot {
        files = Map.copyOf(files);
    }

    /** Each difference in words, or nothing when the two agree. */
    public List<String> differences(Snapshot now) {
        List<String> out = new ArrayList<>();
        if (!environment.equals(now.environment)) {
            out.add("the environment is now " + now.environment + " (was " + environment + ")");
        }
        if (!target.equals(now.target)) {
            out.add("the database is now " + now.target + " (was " + target + ")");
        }
        if (!historyHead.equals(now.historyHead)) {
            out.add("the history moved: " + now.historyHead + " (was " + historyHead + ")");
        }
        Map<String, String> before = new TreeMap<>(files);
        Map<String, String> after = new TreeMap<>(now.files);
        after.forEach((file, sha) -> {
            String was = before.get(file);
            if (was == null) {
                out.add("file added: " + file);
            } else if (!Objects.equals(was, sha)) {
                out.add("file edited: " + file);
            }
        });
        before.keySet().stream().filter(f -> !after.containsKey(f)).forEach(f -> out.add("file removed: " + f));
        return out;
    }
}
