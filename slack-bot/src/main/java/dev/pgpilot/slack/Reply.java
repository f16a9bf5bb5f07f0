package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** An answer only the person who typed the command or clicked the button sees (Slack's response_url). */
interface Reply {
    void blocks(List<LayoutBlock> blocks, String fallbackText);

    default void text(String mrkdwn) {
        blocks(List.of(Sections.text(mrkdwn)), SlackPoster.fit(mrkdwn));
    }

    default void problem(String message, String hint) {
        text(Replies.problem(message, hint));
    }
}
