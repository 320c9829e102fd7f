package com.movierec.local.deployer.deploy.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A resource as deployed: what a later update compares against and a later delete needs.
 *
 * @param properties     the resolved properties it was created or last updated with
 * @param attributes     what {@code Fn::GetAtt} reads
 * @param dependencies   the logical ids it needed when deployed, so it is deleted before them even after they left
 *                       the template
 * @param deletionPolicy the template's DeletionPolicy when deployed
 */
public record ResourceRecord(String logicalId, String type, String physicalId, JsonNode properties,
                             Map<String, String> attributes, Set<String> dependencies, String deletionPolicy) {

    /** Sorted, so a state file lists them the same way on every run. */
    public ResourceRecord {
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        dependencies = Collections.unmodifiableSortedSet(new TreeSet<>(dependencies));
    }

    public ResourceRecord withDependencies(Set<String> newDependencies, String newDeletionPolicy) {
        return new ResourceRecord(logicalId, type, physicalId, properties, attributes, newDependencies,
                newDeletionPolicy);
    }
}
