package com.movierec.infra;

import java.util.List;

/**
 * Something the user has to fix before synth can work (a configuration value, missing prepared data, an unbuilt
 * jar). Each problem is one sentence that names the value and the fix; the app prints them without a stack trace.
 */
public class SynthException extends RuntimeException {
    private final List<String> problems;

    public SynthException(List<String> problems) {
        super(String.join(" ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SynthException needs at least one problem sentence");
        }
        this.problems = List.copyOf(problems);
    }

    public SynthException(String problem) {
        this(List.of(problem));
    }

    /** One sentence per problem, in the order they were found. */
    public List<String> problems() {
        return problems;
    }
}
