package com.movierec.local.personalize.server.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The control-plane operations by name, as {@code X-Amz-Target: AmazonPersonalize.<name>} calls them. */
final class OperationTable {
    private final Map<String, Operation> operations = new HashMap<>();

    void add(String name, Operation operation) {
        if (operations.putIfAbsent(name, operation) != null) {
            throw new IllegalStateException(name + " is registered twice");
        }
    }

    Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    Set<String> names() {
        return new TreeSet<>(operations.keySet());
    }
}
