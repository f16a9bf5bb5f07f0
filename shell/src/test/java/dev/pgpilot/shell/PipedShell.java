package dev.pgpilot.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/** Runs `pgpilot shell` in-process on a dumb terminal fed with piped input, as a script or CI would. */
final class PipedShell {
    record Session(int exit, String output) {}

    private PipedShell() {}

    /** @param dbUrl null: the session never needs a database */
    static Session run(Path workdir, String dbUrl, Path home, Map<String, String> env, String input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a DumbTerminal over the streams, as JLine gives a pipe (the builder would wrap streams in a pty)
        try (Terminal t = new DumbTerminal("pipe", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), bytes, StandardCharsets.UTF_8)) {
            ShellCommand shell = Main.shellCommand();
            shell.global = new GlobalOptions();
            shell.global.workdir = workdir;
            shell.global.dbUrl = dbUrl;
            Map<String, String> all = new HashMap<>(env);
            all.put("HOME", home.toString());
            int exit = shell.runOn(t, all);
            t.flush();
            return new Session(exit, bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
