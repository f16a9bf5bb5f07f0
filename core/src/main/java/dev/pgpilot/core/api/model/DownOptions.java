package dev.pgpilot.core.api.model;

/** Either a number of steps (newest first) or a version to go back to (it stays applied). */
public record DownOptions(Integer steps, String toVersion) {
    public static DownOptions steps(int n) {
        return new DownOptions(n, null);
    }
}
