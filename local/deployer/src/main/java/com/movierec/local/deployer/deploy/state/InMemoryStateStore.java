package com.movierec.local.deployer.deploy.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Stack states kept in memory: one JVM's deploys, e.g. a test's. */
public final class InMemoryStateStore implements StateStore {
    private final Map<String, StackState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<StackState> load(String stackName) {
        return Optional.ofNullable(states.get(stackName));
    }

    @Override
    public void save(StackState state) {
        states.put(state.stackName(), state);
    }

    @Override
    public void remove(String stackName) {
        states.remove(stackName);
    }

    @Override
    public List<StackState> all() {
        return new ArrayList<>(states.values());
    }
}
