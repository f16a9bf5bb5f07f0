package dev.pgpilot.core.api.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Commits the files of an applied plan when the project folder is a git checkout, so the repository
 * says who approved which migration (approval id and approver in the message). Only those files are
 * committed, never whatever else is staged.
 */
final class GitRecorder {
    private final Path workdir;

    GitRecorder(Path workdir) {
        this.workdir = workdir;
    }

    /** "committed as abc1234", a sentence why it could not be, or null when the folder is not a git checkout. */
    String commit(List<Path> files, String message) {
        try {
            Result inside = git(List.of("rev-parse", "--is-inside-work-tree"));
            if (inside.code != 0 || !inside.out.strip().equals("true")) {
                return null;
            }
            List<String> paths = files.stream().map(p -> workdir.relativize(p.toAbsolutePath().normalize()).toString()).toList();
            List<String> add = new ArrayList<>(List.of("add", "--"));
            add.addAll(paths);
            Result added = git(add);
            if (added.code != 0) {
                return "not committed to git: " + firstLine(added.out);
            }
            List<String> commit = new ArrayList<>(identity());
            commit.addAll(List.of("commit", "--quiet", "-m", message, "--only", "--"));
            commit.addAll(paths);
            Result committed = git(commit);
            if (committed.code != 0) {
                return "not committed to git: " + firstLine(committed.out);
            }
            return "committed to git as " + git(List.of("rev-parse", "--short", "HEAD")).out.strip();
        } catch (IOException e) {
            return "not committed to git: " + e.getMessage();
        }
    }

    /** The checkout's own identity when it has one; otherwise the bot's, rather than failing the commit. */
    private List<String> identity() throws IOException {
        if (!git(List.of("config", "user.email")).out.isBlank()) {
            return List.of();
        }
        return List.of("-c", "user.name=pgpilot", "-c", "user.email=pgpilot@localhost");
    }

    private record Result(int code, String out) {}

    private Result git(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", workdir.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "git did not finish within 30 s");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("git failed").strip();
    }
}
