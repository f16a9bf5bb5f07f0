package dev.pgpilot.core.api.model;

/** Output forms of a lint report. */
public enum ReportFormat { TEXT, JSON, SARIF }
