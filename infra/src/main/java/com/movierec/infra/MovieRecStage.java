package com.movierec.infra;

import com.movierec.infra.api.ApiStack;
import com.movierec.infra.api.ApiStackProps;
import com.movierec.infra.batch.BatchRecommendationsStack;
import com.movierec.infra.batch.BatchRecommendationsStackProps;
import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.data.DataStack;
import com.movierec.infra.data.DataStackProps;
import com.movierec.infra.monitoring.Monitoring;
import com.movierec.infra.monitoring.ServedApi;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.PersonalizeStack;
import com.movierec.infra.personalize.PersonalizeStackProps;
import com.movierec.infra.retraining.RetrainingStack;
import com.movierec.infra.retraining.RetrainingStackProps;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.Tags;
import java.util.Optional;
import software.constructs.Construct;

/**
 * One environment: the Data stack, the Personalize stack, then the API stack with the environment's alarms and
 * dashboard, the batch-recommendations and retraining stacks; all checked by cdk-nag's AwsSolutions pack, every
 * taggable resource tagged with the environment's cost-allocation tags.
 */
public final class MovieRecStage extends Stage {
    private final DataStack dataStack;
    private final PersonalizeStack personalizeStack;
    private final ApiStack apiStack;
    private final Monitoring monitoring;
    /** Null without a user-personalization campaign. */
    private final BatchRecommendationsStack batchStack;
    /** Null with Personalize's auto-training. */
    private final RetrainingStack retrainingStack;

    public MovieRecStage(Construct scope, String id, MovieRecStageProps props) {
        super(scope, id, StageProps.builder().env(props.env()).build());
        EnvironmentConfig config = props.config();
        PersonalizeNames names = new PersonalizeNames(config.name());
        String stackPrefix = names.prefix();
        dataStack = new DataStack(this, "Data", new DataStackProps(stackPrefix + "data", names, config.dataset(),
                props.preparedData(), config.retainDataOnDestroy()));
        personalizeStack = new PersonalizeStack(this, "Personalize", new PersonalizeStackProps(
                stackPrefix + "personalize", config, props.preparedData(), dataStack.store(), props.lifecycleJar()));
        personalizeStack.addStackDependency(dataStack, "imports read the uploaded data with the data key");
        apiStack = new ApiStack(this, "Api", new ApiStackProps(stackPrefix + "api", config.name(), config.api(),
                personalizeStack.serving(), props.preparedData(), props.layerBuildRoot(), props.apiJar(),
                config.retainDataOnDestroy()));
        // Also what makes a new campaign's or filter's ARN (a new name) reach the function right after it exists.
        apiStack.addStackDependency(personalizeStack, "the API calls its campaigns, filters and event tracker");
        monitoring = new Monitoring(apiStack, "Monitoring", config, personalizeStack.serving(), ServedApi.of(apiStack));
        batchStack = personalizeStack.serving().campaignArn(RecipeSlot.USER_PERSONALIZATION)
                .map(campaignArn -> batchStack(config, names, props, campaignArn)).orElse(null);
        retrainingStack = RetrainingStack.appliesTo(config) ? retrainingStack(config, names, props) : null;
        config.costAllocationTags().forEach((key, value) -> Tags.of(this).add(key, value));
        Aspects.of(this).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    }

    /** Precomputed lists for every user: needs the user-personalization campaign. */
    private BatchRecommendationsStack batchStack(EnvironmentConfig config, PersonalizeNames names,
                                                 MovieRecStageProps props, String campaignArn) {
        BatchRecommendationsStack batch = new BatchRecommendationsStack(this, "Batch",
                new BatchRecommendationsStackProps(names.prefix() + "batch", names, dataStack.store(),
                        props.preparedData(), props.layerBuildRoot().resolveSibling("batch-input"), campaignArn,
                        Optional.of(personalizeStack.serving().unwatchedFilterArn()), config.batchRecommendations()));
        batch.addStackDependency(dataStack, "the input goes to the data bucket, encrypted by the data key");
        batch.addStackDependency(personalizeStack,
                "its policy attaches to the Personalize role; runs read the campaign");
        return batch;
    }

    /** Retraining behind the quality gate, on a schedule or on demand; none with Personalize's auto-training. */
    private RetrainingStack retrainingStack(EnvironmentConfig config, PersonalizeNames names,
                                            MovieRecStageProps props) {
        RetrainingStack retraining = new RetrainingStack(this, "Retraining", new RetrainingStackProps(
                names.prefix() + "retraining", names, dataStack.store(), props.lifecycleJar(),
                personalizeStack.serving().campaignArns(), config.qualityGate(), config.retraining()));
        retraining.addStackDependency(personalizeStack, "retrains its solutions and updates its campaigns");
        retraining.addStackDependency(dataStack, "imports the interactions from the data bucket");
        return retraining;
    }

    public DataStack dataStack() {
        return dataStack;
    }

    public PersonalizeStack personalizeStack() {
        return personalizeStack;
    }

    public ApiStack apiStack() {
        return apiStack;
    }

    public Optional<BatchRecommendationsStack> batchStack() {
        return Optional.ofNullable(batchStack);
    }

    public Optional<RetrainingStack> retrainingStack() {
        return Optional.ofNullable(retrainingStack);
    }

    /** The alarms, their topic and the dashboard, in the API stack. */
    public Monitoring monitoring() {
        return monitoring;
    }
}
