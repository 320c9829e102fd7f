package com.movierec.local.deployer.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;

/** What intrinsic functions read: the values a deployed stack and its environment give names and attributes. */
public interface ResolutionContext {
    /** The value of {@code Ref}: a parameter, a pseudo parameter such as {@code AWS::Region}, or a resource's id. */
    JsonNode ref(String name);

    /** {@code Fn::GetAtt} of a resource that has been created. */
    JsonNode getAtt(String logicalId, String attribute);

    /** The value another stack exports under {@code exportName}. */
    JsonNode importValue(String exportName);

    /** Whether the template's condition {@code name} holds. */
    boolean condition(String name);

    /** The template's Mappings section (a missing node when it has none). */
    JsonNode mappings();
}
