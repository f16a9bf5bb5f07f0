package dev.pgpilot.core.lint.run;

/** Output forms of a lint report. */
public enum ReportFormat { TEXT, JSON, SARIF }
