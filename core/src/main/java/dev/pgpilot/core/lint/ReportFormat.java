package dev.pgpilot.core.lint;

/** Output forms of a lint report. */
public enum ReportFormat { TEXT, JSON, SARIF }
