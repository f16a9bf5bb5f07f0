package dev.pgpilot.shell;

/**
 * Marks a command whose output is not data (an interactive shell, a server, generated source): it
 * refuses {@code --json} rather than accept it and print text a script would fail to parse.
 */
interface TextOnly {}
