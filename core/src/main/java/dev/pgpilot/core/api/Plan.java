package dev.pgpilot.core.api;

import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.request.ChangeSet;
import java.util.List;

/**
 * The migrations a request planned and the file names they will get, in the order they run;
 * nothing is written yet. Usually one; two when indexes on existing tables are built (or
 * constraints validated) in a migration of their own outside a transaction. A class, not a record:
 * the resolved changes are the planner's, read only inside core.api (the RLS test generator).
 */
public final class Plan {
    private final List<PlannedFile> files;
    private final ChangeSet changes;

    /** @param changes what the request resolved to (null for a plan rebuilt from stored SQL) */
    Plan(List<PlannedFile> files, ChangeSet changes) {
        this.files = List.copyOf(files);
        if (this.files.isEmpty()) throw new IllegalArgumentException("a plan has at least one file");
        this.changes = changes;
    }

    /** Files rebuilt from stored SQL (an approval's), with no request behind them. */
    public Plan(List<PlannedFile> files) {
        this(files, null);
    }

    /** One file, e.g. rebuilt from an approval's stored SQL or edited in the shell. */
    public Plan(MigrationSql migration, String fileName) {
        this(List.of(new PlannedFile(migration, fileName)), null);
    }

    public List<PlannedFile> files() {
        return files;
    }

    /** What the request resolved to; null for a plan rebuilt from stored SQL. */
    ChangeSet changes() {
        return changes;
    }

    /** The first file's migration (the only one of most plans). */
    public MigrationSql migration() {
        return files.get(0).migration();
    }

    public String fileName() {
        return files.get(0).fileName();
    }

    public String downFileName() {
        return files.get(0).downFileName();
    }
}
