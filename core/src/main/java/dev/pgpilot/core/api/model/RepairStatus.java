package dev.pgpilot.core.api.model;

public enum RepairStatus { APPLIED, REVERTED }
