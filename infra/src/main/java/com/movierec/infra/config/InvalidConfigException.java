package com.movierec.infra.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config record refusing the values it was built with: every problem its compact constructor found, each relative to
 * the record. {@link ConfigBinder} turns them into cdk.json's sentences; built in code, the message is the same
 * sentences without the path above the record.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private final List<ConfigProblem> problems;

    InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::describe).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
