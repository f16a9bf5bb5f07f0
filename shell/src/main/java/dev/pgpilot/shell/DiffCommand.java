package dev.pgpilot.shell;

import dev.pgpilot.core.api.DriftWritten;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.DriftReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", description = "Drift: replay the migrations in a shadow database and compare it with the target (exit 1 on drift)")
final class DiffCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Option(names = "--write", paramLabel = "NAME", description = "write a migration that brings the migrations in line with the database")
    String write;

    @Override
    public Integer call() {
        Pilot pilot = global.project();
        PrintWriter out = spec.commandLine().getOut();
        if (write == null) {
            DriftReport r = pilot.diff();
            out.print(global.json ? r.json() + "\n" : r.text());
            out.flush(); // print() does not trigger the writer's autoflush
            return r.inLine() ? 0 : 1;
        }
        DriftWritten w = pilot.writeDrift(write);
        if (w.file() == null) {
            boolean none = w.drift().inLine();
            report(out, null, w.notExpressed(), none ? "no drift: nothing to write" : "nothing that a migration here can express; nothing written");
            return none ? 0 : 1;
        }
        report(out, w.file(), w.notExpressed(), null);
        return 0;
    }

    /** What --write did: the file (null: none), the drift it could not express, and why nothing was written. */
    private void report(PrintWriter out, Path file, java.util.List<String> notExpressed, String nothingWritten) {
        if (global.json) {
            out.println(Render.json(Render.fields("written", file == null ? null : file.toString(), "not_expressed", notExpressed,
                    "message", nothingWritten)));
            return;
        }
        notExpressed.forEach(line -> out.println("not written (do it by hand): " + line));
        out.println(file == null ? nothingWritten : "wrote " + file);
    }
}
