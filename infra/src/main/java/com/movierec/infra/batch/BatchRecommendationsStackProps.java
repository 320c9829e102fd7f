package com.movierec.infra.batch;

import com.movierec.infra.config.BatchRecommendationSettings;
import com.movierec.infra.data.DataStore;
import com.movierec.infra.data.PreparedData;
import com.movierec.infra.personalize.PersonalizeNames;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the batch-recommendations stack is built from; its account and region are those of the Stage it lives in.
 *
 * @param stackName      the CloudFormation stack name
 * @param names          this environment's Personalize names: the job, role and state machine names derive from them,
 *                       and the Personalize service role is found by its name
 * @param dataStore      the data bucket and its key (the Data stack's {@code store()}): the input and output live there
 * @param preparedData   data-prep's output: the users of its interactions are the batch input
 * @param inputBuildRoot where the input file is written at synth, as {@code <inputBuildRoot>/<dataVersion>/users.json}
 * @param campaignArn    the user-personalization campaign; each run uses the solution version it serves then
 * @param filterArn      the filter applied to every list (the unwatched filter), if any; it must take no parameters
 * @param settings       the schedule, if any, and the recommendations per user
 */
public record BatchRecommendationsStackProps(String stackName, PersonalizeNames names, DataStore dataStore,
                                             PreparedData preparedData, Path inputBuildRoot, String campaignArn,
                                             Optional<String> filterArn, BatchRecommendationSettings settings) {

    public BatchRecommendationsStackProps {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(dataStore, "dataStore");
        Objects.requireNonNull(preparedData, "preparedData");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(filterArn, "filterArn");
        if (inputBuildRoot == null || !inputBuildRoot.isAbsolute()) {
            throw new IllegalArgumentException("inputBuildRoot " + inputBuildRoot + " is not an absolute directory: "
                    + "pass where synth may write the batch input, e.g. <repository>/infra/target/batch-input");
        }
        requireOwn("campaignArn", campaignArn, "campaign", names);
        filterArn.ifPresent(arn -> requireOwn("filterArn", arn, "filter", names));
    }

    /** An ARN of this environment's Personalize resource of that type, e.g. {@code ...:campaign/movierec-dev-...}. */
    private static void requireOwn(String prop, String arn, String resourceType, PersonalizeNames names) {
        String own = ":personalize:";
        String resource = ":" + resourceType + "/" + names.prefix();
        if (arn == null || !arn.startsWith("arn:") || !arn.contains(own) || !arn.contains(resource)) {
            throw new IllegalArgumentException(prop + " \"" + arn + "\" is not the ARN of one of this environment's "
                    + "Personalize " + resourceType + "s: arn:<partition>:personalize:<region>:<account>"
                    + resource + "...");
        }
    }
}
