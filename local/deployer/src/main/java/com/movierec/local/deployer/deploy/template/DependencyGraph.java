package com.movierec.local.deployer.deploy.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which resource needs which: the order CloudFormation creates them in (every dependency first) and deletes them in
 * (every dependant first). Ties are broken by logical id, so the same template always gives the same order.
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> dependencies;

    /** {@code dependencies}: each id and the ids it needs; ids outside the key set are ignored. */
    public DependencyGraph(Map<String, ? extends Set<String>> dependencies) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        dependencies.forEach((id, needs) -> {
            Set<String> known = new TreeSet<>(needs);
            known.retainAll(dependencies.keySet());
            known.remove(id);
            copy.put(id, Collections.unmodifiableSet(known));
        });
        this.dependencies = Collections.unmodifiableMap(copy);
    }

    /** The ids {@code id} needs directly. */
    public Set<String> dependenciesOf(String id) {
        return dependencies.getOrDefault(id, Set.of());
    }

    /** Every id, each after all it needs; among ids ready at the same time, the smallest first. */
    public List<String> creationOrder() {
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> dependants = new HashMap<>();
        dependencies.forEach((id, needs) -> {
            waitingFor.put(id, needs.size());
            needs.forEach(need -> dependants.computeIfAbsent(need, k -> new ArrayList<>()).add(id));
        });
        TreeSet<String> ready = new TreeSet<>();
        waitingFor.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            order.add(next);
            for (String dependant : dependants.getOrDefault(next, List.of())) {
                if (waitingFor.merge(dependant, -1, Integer::sum) == 0) {
                    ready.add(dependant);
                }
            }
        }
        if (order.size() < dependencies.size()) {
            Set<String> cycle = new TreeSet<>(dependencies.keySet());
            order.forEach(cycle::remove);
            throw new TemplateException("Circular dependency between resources: " + cycle);
        }
        return order;
    }

    /** Every id, each before all it needs: the reverse of {@link #creationOrder()}. */
    public List<String> deletionOrder() {
        List<String> order = new ArrayList<>(creationOrder());
        Collections.reverse(order);
        return order;
    }

    /** {@code id} and everything it needs, directly or not. */
    public Set<String> withDependencies(String id) {
        Set<String> all = new TreeSet<>();
        List<String> pending = new ArrayList<>(List.of(id));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (all.add(next)) {
                pending.addAll(dependenciesOf(next));
            }
        }
        return all;
    }
}
