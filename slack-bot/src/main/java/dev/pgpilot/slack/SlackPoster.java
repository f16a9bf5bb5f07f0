package dev.pgpilot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Web API calls, each checked: Slack answers most failures with {@code ok: false} and an
 * error code, not an exception, so every answer is looked at and every failure is logged with the
 * method and Slack's error. Callers get "did it work" and decide what to tell whom.
 */
final class SlackPoster {
    private static final Logger LOG = LoggerFactory.getLogger(SlackPoster.class);
    /** Slack refuses a message text longer than this. */
    static final int MESSAGE_TEXT_LIMIT = 40_000;

    /** Where a message was posted. */
    record Posted(String channel, String ts) {}

    private final MethodsClient client;

    SlackPoster(MethodsClient client) {
        this.client = client;
    }

    Optional<Posted> post(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        try {
            ChatPostMessageResponse r = client.chatPostMessage(m -> m.channel(channel).threadTs(threadTs).text(fit(text)).blocks(blocks));
            return ok("chat.postMessage", channel, r) ? Optional.of(new Posted(r.getChannel(), r.getTs())) : Optional.empty();
        } catch (IOException | SlackApiException e) {
            return failed("chat.postMessage", channel, e);
        }
    }

    boolean update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        if (channel == null || ts == null) {
            return false;
        }
        try {
            return ok("chat.update", channel, client.chatUpdate(u -> u.channel(channel).ts(ts).text(fit(text)).blocks(blocks)));
        } catch (IOException | SlackApiException e) {
            return failed("chat.update", channel, e).isPresent();
        }
    }

    /** Uploads a text file (the whole SQL of an approval) into a message's thread. */
    boolean upload(String channel, String threadTs, String fileName, String title, String content) {
        try {
            return ok("files.uploadV2", channel, client.filesUploadV2(f -> f.channel(channel).threadTs(threadTs)
                    .filename(fileName).title(title).content(content).snippetType("sql").requestFileInfo(false)));
        } catch (SlackFilesUploadV2Exception e) {
            // Bolt answers a refused step of the upload (missing_scope, not_in_channel) with this exception, not ok=false.
            LOG.warn("Slack refused files.uploadV2 to {}: {}", channel, e.getGetURLResponses().stream().filter(r -> !r.isOk())
                    .map(r -> r.getError() + (r.getNeeded() == null ? "" : " (needs " + r.getNeeded() + ")")).findFirst().orElse(e.getMessage()));
            return false;
        } catch (IOException | SlackApiException e) {
            return failed("files.uploadV2", channel, e).isPresent();
        }
    }

    /** Opens a modal for the person whose click carried {@code triggerId} (valid for three seconds). */
    boolean openModal(String triggerId, View view) {
        try {
            return ok("views.open", "a modal", client.viewsOpen(v -> v.triggerId(triggerId).view(view)));
        } catch (IOException | SlackApiException e) {
            return failed("views.open", "a modal", e).isPresent();
        }
    }

    private static boolean ok(String method, String channel, SlackApiTextResponse r) {
        if (!r.isOk()) {
            LOG.warn("Slack refused {} to {}: {}{}", method, channel, r.getError(), r.getNeeded() == null ? "" : " (needs " + r.getNeeded() + ")");
        }
        return r.isOk();
    }

    private static <T> Optional<T> failed(String method, String channel, Exception e) {
        LOG.warn("Slack call {} to {} failed: {}", method, channel, e.toString());
        return Optional.empty();
    }

    /** The notification text is only a summary; past Slack's limit it is cut rather than refused. */
    static String fit(String text) {
        return text.length() <= MESSAGE_TEXT_LIMIT ? text : text.substring(0, MESSAGE_TEXT_LIMIT - 1) + "…";
    }
}
