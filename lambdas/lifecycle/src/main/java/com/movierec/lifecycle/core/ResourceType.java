package com.movierec.lifecycle.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The custom resource types of docs/personalize-resources.md, by their CloudFormation ResourceType. */
public enum ResourceType {
    SCHEMA("Custom::PersonalizeSchema"),
    DATASET_GROUP("Custom::PersonalizeDatasetGroup"),
    DATASET("Custom::PersonalizeDataset"),
    DATASET_IMPORT_JOB("Custom::PersonalizeDatasetImportJob"),
    SOLUTION("Custom::PersonalizeSolution"),
    SOLUTION_VERSION("Custom::PersonalizeSolutionVersion"),
    SOLUTION_METRICS("Custom::PersonalizeSolutionMetrics"),
    CAMPAIGN("Custom::PersonalizeCampaign"),
    EVENT_TRACKER("Custom::PersonalizeEventTracker"),
    FILTER("Custom::PersonalizeFilter");

    private final String cloudFormationName;

    ResourceType(String cloudFormationName) {
        this.cloudFormationName = cloudFormationName;
    }

    public static ResourceType of(String cloudFormationName) {
        for (ResourceType type : values()) {
            if (type.cloudFormationName.equals(cloudFormationName)) {
                return type;
            }
        }
        throw Failure.of("unknown ResourceType '" + cloudFormationName + "': these functions serve "
                + Arrays.stream(values()).map(ResourceType::toString).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cloudFormationName;
    }
}
