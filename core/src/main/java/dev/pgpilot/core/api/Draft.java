package dev.pgpilot.core.api;

import dev.pgpilot.core.api.model.LintReport;
import java.nio.file.Path;
import java.util.List;

/**
 * A planned request with its lint report, before anything is written: what {@code new}, the
 * shell and an approval show. An edited draft is linted again ({@link Pilot#edit}).
 */
public record Draft(Plan plan, LintReport lint) {
    /** One migration {@link Pilot#write(Draft, boolean)} wrote, with its down script. */
    public record WrittenFile(String version, Path file, Path downFile) {}

    /**
     * What {@link Pilot#write(Draft, boolean)} wrote, in the order the files run.
     *
     * @param rlsTest the RLS test written beside them, null when none was asked for
     */
    public record Written(List<WrittenFile> files, RlsTestWritten rlsTest) {
        public Written {
            files = List.copyOf(files);
        }

        /** The version of the last file: {@code up --to} it runs the whole plan. */
        public String lastVersion() {
            return files.get(files.size() - 1).version();
        }
    }
}
