package dev.pgpilot.shell;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.slack.BotSettings;
import dev.pgpilot.slack.SlackBotRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "slack", description = "Run the Slack bot: HTTP on --port (endpoint /slack/events), or Socket Mode when SLACK_APP_TOKEN is set")
final class SlackCommand implements Callable<Integer>, TextOnly {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Option(names = "--port", description = "HTTP port for /slack/events (default: ${DEFAULT-VALUE})", defaultValue = "3000")
    int port;

    @Option(names = "--bind", description = "address to listen on (default: ${DEFAULT-VALUE}; 127.0.0.1 behind a local proxy)", defaultValue = "0.0.0.0")
    String bind;

    @Override
    public Integer call() throws Exception {
        if (global.env != null) {
            throw PilotException.refused("the bot picks the environment per command (/pgpilot status prod)",
                    "drop --env; set default_env in pgpilot.yaml for commands that name none");
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        if (global.dbUrl != null) {
            // Commands that name no environment use this database, as DATABASE_URL would.
            env.put("DATABASE_URL", global.dbUrl);
        }
        GlobalOptions.prepareFolder(dev.pgpilot.core.api.Project.at(global.workdir), spec.commandLine().getErr());
        SlackBotRunner.run(BotSettings.from(global.workdir, env), bind, port, spec.commandLine().getOut());
        return 0;
    }
}
