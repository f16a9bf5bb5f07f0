package dev.pgpilot.core.local;

import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Workspace;
import java.util.Map;

/**
 * How a project's commands find their database: its environments and URLs, with its own embedded
 * server as the local database (started when it is the one chosen). The facade and the approval
 * workflow resolve through this, so a Slack approval names the database the command then runs on.
 */
public final class ProjectTargets {
    private ProjectTargets() {}

    public static TargetResolver resolver(Workspace workspace, Map<String, String> env) {
        return new TargetResolver(workspace, env, () -> LocalDatabase.of(workspace).start());
    }
}
