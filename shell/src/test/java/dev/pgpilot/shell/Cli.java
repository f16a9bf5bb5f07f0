package dev.pgpilot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the real command line in process, in one project folder, capturing both streams. */
final class Cli {
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {}

    static Run run(Path workdir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--workdir";
        all[args.length + 1] = workdir.toString();
        int code = Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
