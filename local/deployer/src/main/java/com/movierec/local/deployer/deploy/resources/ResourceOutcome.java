package com.movierec.local.deployer.deploy.resources;

import java.util.Map;

/** What a create or update produced: the physical id (Ref) and the attributes (Fn::GetAtt). */
public record ResourceOutcome(String physicalId, Map<String, String> attributes) {

    public ResourceOutcome {
        attributes = Map.copyOf(attributes);
    }

    public static ResourceOutcome of(String physicalId) {
        return new ResourceOutcome(physicalId, Map.of());
    }
}
