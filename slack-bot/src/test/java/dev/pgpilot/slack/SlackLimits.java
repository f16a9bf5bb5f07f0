package dev.pgpilot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's documented limits on what a message may carry, checked on every call the stub gets:
 * Slack answers a message that breaks one with an error (invalid_blocks, msg_too_long) and the
 * approver sees nothing. Each broken limit is returned as one sentence.
 */
final class SlackLimits {
    static final int MESSAGE_TEXT = 40_000;
    static final int BLOCKS = 50;
    static final int SECTION_TEXT = 3_000;
    static final int BUTTON_VALUE = 2_000;
    static final int CONTEXT_ELEMENTS = 10;

    private SlackLimits() {}

    /** @param text the message's {@code text}; @param blocks its {@code blocks} as JSON (either may be null) */
    static List<String> broken(String text, String blocks) {
        List<String> out = new ArrayList<>();
        if (text != null && text.length() > MESSAGE_TEXT) {
            out.add("message text of " + text.length() + " characters (limit " + MESSAGE_TEXT + ")");
        }
        if (blocks == null || blocks.isBlank()) {
            return out;
        }
        JsonArray array = JsonParser.parseString(blocks).getAsJsonArray();
        if (array.size() > BLOCKS) {
            out.add(array.size() + " blocks in one message (limit " + BLOCKS + ")");
        }
        for (JsonElement e : array) {
            JsonObject b = e.getAsJsonObject();
            String type = b.get("type").getAsString();
            switch (type) {
                case "section" -> {
                    int n = b.has("text") ? b.getAsJsonObject("text").get("text").getAsString().length() : 0;
                    if (n > SECTION_TEXT) {
                        out.add("section text of " + n + " characters (limit " + SECTION_TEXT + ")");
                    }
                }
                case "context" -> {
                    JsonArray elements = b.getAsJsonArray("elements");
                    if (elements.size() > CONTEXT_ELEMENTS) {
                        out.add("context with " + elements.size() + " elements (limit " + CONTEXT_ELEMENTS + ")");
                    }
                    for (JsonElement c : elements) {
                        int n = c.getAsJsonObject().has("text") ? c.getAsJsonObject().get("text").getAsString().length() : 0;
                        if (n > SECTION_TEXT) {
                            out.add("context text of " + n + " characters (limit " + SECTION_TEXT + ")");
                        }
                    }
                }
                case "actions" -> {
                    for (JsonElement c : b.getAsJsonArray("elements")) {
                        JsonObject button = c.getAsJsonObject();
                        if (button.has("value") && button.get("value").getAsString().length() > BUTTON_VALUE) {
                            out.add("button value of " + button.get("value").getAsString().length() + " characters (limit " + BUTTON_VALUE + ")");
                        }
                    }
                }
                default -> out.add("block type the bot should not send: " + type);
            }
        }
        return out;
    }

    static final int MODAL_TITLE = 24;
    static final int MODAL_BLOCKS = 100;
    static final int PRIVATE_METADATA = 3_000;
    static final int INPUT_LABEL = 2_000;
    static final int INPUT_MAX_LENGTH = 3_000;

    /** A modal's view as views.open gets it: title and button texts, blocks, metadata, input fields. */
    static List<String> brokenInModal(String view) {
        List<String> out = new ArrayList<>();
        if (view == null) {
            out.add("views.open without a view");
            return out;
        }
        JsonObject v = JsonParser.parseString(view).getAsJsonObject();
        for (String button : List.of("title", "submit", "close")) {
            int n = v.has(button) ? v.getAsJsonObject(button).get("text").getAsString().length() : 0;
            if (n > MODAL_TITLE) {
                out.add("modal " + button + " of " + n + " characters (limit " + MODAL_TITLE + ")");
            }
        }
        if (!v.has("title")) {
            out.add("modal without a title");
        }
        if (v.has("private_metadata") && v.get("private_metadata").getAsString().length() > PRIVATE_METADATA) {
            out.add("private_metadata of " + v.get("private_metadata").getAsString().length() + " characters (limit " + PRIVATE_METADATA + ")");
        }
        JsonArray blocks = v.getAsJsonArray("blocks");
        if (blocks.size() > MODAL_BLOCKS) {
            out.add(blocks.size() + " blocks in one modal (limit " + MODAL_BLOCKS + ")");
        }
        JsonArray messageLike = new JsonArray();
        for (JsonElement e : blocks) {
            JsonObject b = e.getAsJsonObject();
            if (!b.get("type").getAsString().equals("input")) {
                messageLike.add(b);
                continue;
            }
            int label = b.getAsJsonObject("label").get("text").getAsString().length();
            if (label > INPUT_LABEL) {
                out.add("input label of " + label + " characters (limit " + INPUT_LABEL + ")");
            }
            JsonObject element = b.getAsJsonObject("element");
            if (element.has("max_length") && element.get("max_length").getAsInt() > INPUT_MAX_LENGTH) {
                out.add("input max_length " + element.get("max_length").getAsInt() + " (limit " + INPUT_MAX_LENGTH + ")");
            }
        }
        out.addAll(broken(null, messageLike.toString()));
        return out;
    }

    /** The text and blocks of a {@code response_url} post (a JSON body). */
    static List<String> brokenInJson(String body) {
        JsonObject o = JsonParser.parseString(body).getAsJsonObject();
        return broken(o.has("text") ? o.get("text").getAsString() : null, o.has("blocks") ? o.get("blocks").toString() : null);
    }
}
