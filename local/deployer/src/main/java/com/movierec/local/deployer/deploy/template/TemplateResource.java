package com.movierec.local.deployer.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a template's Resources.
 *
 * @param properties     the Properties object as written, intrinsics unresolved (an empty object when absent)
 * @param dependsOn      the explicit DependsOn ids
 * @param condition      the Condition that decides whether the resource exists, if any
 * @param deletionPolicy Delete (the default), Retain, RetainExceptOnCreate or Snapshot
 * @param cdkPath        the construct path CDK records in Metadata, e.g. {@code dev/Personalize/DatasetGroup/Resource}
 */
public record TemplateResource(String logicalId, String type, JsonNode properties, List<String> dependsOn,
                               Optional<String> condition, String deletionPolicy, Optional<String> cdkPath) {

    public TemplateResource {
        dependsOn = List.copyOf(dependsOn);
    }

    /** Whether destroy leaves the resource in place, as CloudFormation does for Retain and Snapshot. */
    public boolean retainedOnDelete() {
        return RetentionPolicies.retainedOnDelete(deletionPolicy);
    }
}
