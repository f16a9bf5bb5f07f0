package dev.pgpilot.core.lint.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.LintReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings a project accepted ({@code pgpilot lint --baseline}), kept in {@value #FILE_NAME} next to
 * pgpilot.yaml and committed: every gate built by {@link Linter#forWorkspace} leaves them out, so
 * the gates protect new work in a project whose old migrations have findings. A finding is matched by
 * its fingerprint: the rule, the file's name and what was found (the statement's normalized text and
 * the message), numbered when the same thing occurs twice in a file; never its line, so findings keep
 * matching when lines move, and a changed statement is a new finding.
 */
public final class LintBaseline {
    public static final String FILE_NAME = "pgpilot-lint-baseline.json";
    static final LintBaseline NONE = new LintBaseline(Set.of());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Set<String> accepted;

    private LintBaseline(Set<String> accepted) {
        this.accepted = Set.copyOf(accepted);
    }

    public boolean accepts(Finding f) {
        return !f.fingerprint().isEmpty() && accepted.contains(f.fingerprint());
    }

    /** The project's baseline; none when the file does not exist. A file that cannot be read is an error naming it. */
    public static LintBaseline load(Path workdir) {
        Path file = workdir.resolve(FILE_NAME);
        if (!Files.exists(file)) return NONE;
        try {
            JsonNode list = JSON.readTree(Files.readString(file)).path("findings");
            if (!list.isArray()) throw new IOException("no \"findings\" list");
            Set<String> out = new HashSet<>();
            for (JsonNode f : list) {
                String fp = f.path("fingerprint").asText("");
                if (fp.isEmpty()) throw new IOException("a finding without \"fingerprint\"");
                out.add(fp);
            }
            return new LintBaseline(out);
        } catch (IOException | RuntimeException e) {
            throw PilotException.error("cannot read " + file + ": " + e.getMessage(),
                    "fix or delete it; pgpilot lint --baseline writes it again from the current findings");
        }
    }

    /** Writes every finding of {@code report} as accepted, replacing the file; returns its path. */
    public static Path write(Path workdir, LintReport report) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.fingerprint().isEmpty()) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fingerprint", f.fingerprint());
            m.put("rule", f.ruleId());
            m.put("file", f.file());
            m.put("line", f.line()); // where it was when accepted: for a reader, not matched
            m.put("message", f.message());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("about", "Lint findings accepted with `pgpilot lint --baseline`: lint, up and Slack ignore them. "
                + "Delete an entry (or the file) to see it again.");
        root.put("findings", list);
        Path file = workdir.resolve(FILE_NAME);
        try {
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw PilotException.error("cannot write " + file + ": " + e.getMessage(), null);
        }
        return file;
    }

    /** Numbers the fingerprints of one file's findings: the same rule, file and content twice get #1 and #2. */
    static final class Counter {
        private final Map<String, Integer> seen = new HashMap<>();

        String fingerprint(String ruleId, String file, String content) {
            String key = ruleId + '\u0000' + Path.of(file).getFileName() + '\u0000' + content;
            int n = seen.merge(key, 1, Integer::sum);
            return ruleId + ":" + sha256(key).substring(0, 16) + (n == 1 ? "" : "#" + n);
        }
    }

    /** File-level messages may name a line ("opened on line 12"): that number is not part of what was found. */
    static String withoutLineNumbers(String message) {
        return message.replaceAll("\\bline \\d++", "line #");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
