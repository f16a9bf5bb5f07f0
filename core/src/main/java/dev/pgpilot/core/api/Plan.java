package dev.pgpilot.core.api;

/**
 * The migrations a request planned and the file names they will get, in the order they run;
 * nothing is written yet. Usually one; two when indexes on existing tables are built (or
 * constraints validated) in a migration of their own outside a transaction.
 *
 * @param changes what the request resolved to (null for a plan rebuilt from stored SQL)
 */
public record Plan(java.util.List<PlannedFile> files, dev.pgpilot.core.request.ChangeSet changes) {
    public Plan {
        files = java.util.List.copyOf(files);
        if (files.isEmpty()) throw new IllegalArgumentException("a plan has at least one file");
    }

    /** One file, e.g. rebuilt from an approval's stored SQL or edited in the shell. */
    public Plan(dev.pgpilot.core.api.model.MigrationSql migration, String fileName) {
        this(java.util.List.of(new PlannedFile(migration, fileName)), null);
    }

    /** The first file's migration (the only one of most plans). */
    public dev.pgpilot.core.api.model.MigrationSql migration() {
        return files.get(0).migration();
    }

    public String fileName() {
        return files.get(0).fileName();
    }

    public String downFileName() {
        return files.get(0).downFileName();
    }
}
