package dev.pgpilot.core.engine;

import dev.pgpilot.core.api.model.UpOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** The history writes that make a migration applied, committed in the transaction that ran it. */
final class AppliedRows {
    private AppliedRows() {}

    /** Writes the applied row (statements as the Supabase CLI stores them) and the attempt's log row, then commits; returns its ms. */
    static long commit(Session session, Connection c, History history, Applier.Prepared p, int batch, UpOptions options, Instant started,
                       long t0) throws SQLException {
        history.markApplied(p.file().version(), p.file().name().name(), StoredStatements.of(p.file()), session.actor());
        long ms = Applier.elapsed(t0);
        history.log(new History.Attempt(p.file().version(), p.file().name().name(), "up", p.file().checksum(), batch,
                session.actor(), session.source(), started, ms, true, null, null, null, options.allowLintErrors()));
        if (p.outsideTransaction()) history.clearProgress(p.file().version());
        c.commit();
        c.setAutoCommit(true);
        return ms;
    }
}
