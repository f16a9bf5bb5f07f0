package dev.pgpilot.shell.repl;

import org.jline.reader.LineReader;

/** Work the shell does beside the prompt, on daemon threads. */
final class Background {
    private Background() {}

    /**
     * Work that reads the database starts once the first prompt is up: on two busy cores it would
     * otherwise compete with the start of the shell for the CPU.
     */
    static void afterFirstPrompt(LineReader reader, Runnable work) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (!reader.isReading() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            work.run();
        }, "pgpilot-after-prompt");
        t.setDaemon(true);
        t.start();
    }
}
