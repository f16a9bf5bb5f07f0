package dev.pgpilot.core.api.model;

import java.util.List;

public record DownResult(String target, List<Reverted> reverted) {}
