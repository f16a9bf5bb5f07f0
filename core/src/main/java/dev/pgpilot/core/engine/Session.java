package dev.pgpilot.core.engine;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.workspace.Workspace;
import java.time.Clock;

/**
 * Who runs the engine against what: shared by {@link Applier}, {@link Rollback} and {@link Repair}.
 *
 * @param source cli, shell or slack (recorded in the history)
 * @param actor  the person, recorded in the history
 */
public record Session(Workspace workspace, DatabaseTarget target, String source, String actor, Clock clock) {
    /** A path for messages: relative to the workdir when inside it. */
    String display(java.nio.file.Path file) {
        java.nio.file.Path p = file.toAbsolutePath().normalize();
        return p.startsWith(workspace.workdir()) ? workspace.workdir().relativize(p).toString() : p.toString();
    }
}
