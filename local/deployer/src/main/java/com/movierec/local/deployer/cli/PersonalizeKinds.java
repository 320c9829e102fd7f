package com.movierec.local.deployer.cli;

import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Locale;
import java.util.Map;

/**
 * The Personalize resources of a stage in words, for the deploy summary: what a {@code Custom::Personalize*} type is,
 * what a long wait on it is doing, and a resource's name from its ARN.
 */
final class PersonalizeKinds {
    private static final String PREFIX = CustomResourceType.PREFIX;
    private static final Map<String, String> STARTING = Map.of(
            CustomResourceType.DATASET_IMPORT_JOB.cloudFormationName(), "import",
            CustomResourceType.SOLUTION_VERSION.cloudFormationName(), "training");

    private PersonalizeKinds() {
    }

    static boolean isPersonalize(String type) {
        return type.startsWith(PREFIX) && type.length() > PREFIX.length();
    }

    /** {@code Custom::PersonalizeSolutionVersion} reads {@code solution version}; other types stay as they are. */
    static String label(String type) {
        if (!isPersonalize(type)) {
            return type;
        }
        return type.substring(PREFIX.length()).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /**
     * What an operation on the type is busy with: {@code import} and {@code training} for the jobs a create or update
     * starts, else the operation ({@code creating}, {@code updating}, {@code deleting}).
     */
    static String activity(String type, ResourceStatus status) {
        String operation = status.name().substring(0, status.name().indexOf('_')).toLowerCase(Locale.ROOT);
        if (isPersonalize(type) && !operation.equals("delete")) {
            String job = STARTING.get(type);
            if (job != null) {
                return job;
            }
        }
        return operation.endsWith("e") ? operation.substring(0, operation.length() - 1) + "ing" : operation + "ing";
    }

    /**
     * The name part of a Personalize ARN ({@code arn:aws:personalize:eu-west-1:000000000000:campaign/movierec-dev-x}
     * reads {@code movierec-dev-x}, a solution version {@code solution/<name>/<version id>}); anything else as it is.
     */
    static String name(String physicalId) {
        String[] arn = physicalId.split(":", 6);
        if (arn.length == 6 && arn[0].equals("arn") && arn[5].contains("/")) {
            return arn[5].substring(arn[5].indexOf('/') + 1);
        }
        return physicalId;
    }
}
