package dev.pgpilot.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a separate JVM that runs a main class from the test classpath, for tests of
 * what several processes (or a real terminal) do. A short-lived one gets the flags {@code ./pgpilot}
 * gives every command but the Slack bot: C1 only and the serial collector. A JVM started that way
 * used 0.9-1.1 s of CPU instead of 1.5-1.7 s to run {@code lint} from the classpath (load ~35), and
 * several suites start dozens of them.
 */
public final class TestJvm {
    /** ./pgpilot's flags for a command (the bot, a long-running server, keeps the JVM's defaults). */
    static final List<String> COMMAND_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private TestJvm() {}

    /** {@code java <command flags> -cp <test classpath> mainClass args...}. */
    public static List<String> command(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(COMMAND_FLAGS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }
}
