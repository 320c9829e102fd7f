package com.movierec.schemas.contract;

import java.util.Optional;

/**
 * The custom resource types of docs/personalize-resources.md, by their CloudFormation {@code ResourceType}: what
 * infra's stacks declare and the lifecycle Lambda serves. The client-side half of the contract; personalize-local
 * keeps its own copies on purpose ({@link com.movierec.schemas.contract}).
 */
public enum CustomResourceType {
    SCHEMA("Custom::PersonalizeSchema", false),
    DATASET_GROUP("Custom::PersonalizeDatasetGroup", true),
    DATASET("Custom::PersonalizeDataset", true),
    DATASET_IMPORT_JOB("Custom::PersonalizeDatasetImportJob", true),
    SOLUTION("Custom::PersonalizeSolution", true),
    SOLUTION_VERSION("Custom::PersonalizeSolutionVersion", true),
    SOLUTION_METRICS("Custom::PersonalizeSolutionMetrics", false),
    CAMPAIGN("Custom::PersonalizeCampaign", true),
    EVENT_TRACKER("Custom::PersonalizeEventTracker", true),
    FILTER("Custom::PersonalizeFilter", true);

    /** What every type of the contract starts with. */
    public static final String PREFIX = "Custom::Personalize";

    private final String cloudFormationName;
    private final boolean takesTags;

    CustomResourceType(String cloudFormationName, boolean takesTags) {
        this.cloudFormationName = cloudFormationName;
        this.takesTags = takesTags;
    }

    /** The type with this CloudFormation name, e.g. {@code Custom::PersonalizeCampaign}; empty for any other. */
    public static Optional<CustomResourceType> find(String cloudFormationName) {
        for (CustomResourceType type : values()) {
            if (type.cloudFormationName.equals(cloudFormationName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The {@code Type} of the resource in a template, e.g. {@code Custom::PersonalizeCampaign}. */
    public String cloudFormationName() {
        return cloudFormationName;
    }

    /**
     * Whether the type has the {@link ResourceProperties#TAGS} property: every type whose Create call takes tags
     * (CreateSchema takes none; SolutionMetrics creates nothing).
     */
    public boolean takesTags() {
        return takesTags;
    }

    /** The CloudFormation name, as messages name the type. */
    @Override
    public String toString() {
        return cloudFormationName;
    }
}
