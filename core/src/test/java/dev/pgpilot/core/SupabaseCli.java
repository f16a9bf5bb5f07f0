package dev.pgpilot.core;

import dev.pgpilot.core.target.DatabaseTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real Supabase CLI from npm ({@link NpmTool#SUPABASE_CLI}), run in a project folder against a
 * database with {@code --db-url} (those commands need no Docker). The embedded server has no TLS, so
 * the URL says {@code sslmode=disable}.
 */
public final class SupabaseCli {
    /** How one run ended: exit code, stdout, stderr. */
    public record Run(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private SupabaseCli() {}

    /** {@code postgresql://user@host:port/db?sslmode=disable} for the CLI's {@code --db-url}. */
    public static String dbUrl(DatabaseTarget db) {
        return TestDatabase.url(db) + "?sslmode=disable";
    }

    /** Runs {@code supabase ARGS} in {@code workdir} with stdin closed; fails the test after two minutes. */
    public static Run run(Path workdir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(NpmTool.SUPABASE_CLI.executable().toString());
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workdir.toFile());
            pb.environment().put("SUPABASE_TELEMETRY_DISABLED", "1");
            pb.environment().put("DO_NOT_TRACK", "1");
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = read(p.getInputStream());
            CompletableFuture<String> err = read(p.getErrorStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("supabase " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Like {@link #run} and asserts exit 0, naming the command and its output otherwise. */
    public static Run ok(Path workdir, String... args) {
        Run r = run(workdir, args);
        if (r.exit() != 0) {
            throw new AssertionError("supabase " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.all());
        }
        return r;
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
