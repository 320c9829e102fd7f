package com.movierec.infra;

import com.movierec.infra.api.ApiStack;
import com.movierec.infra.api.ApiStackProps;
import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.data.DataStack;
import com.movierec.infra.data.DataStackProps;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.PersonalizeStack;
import com.movierec.infra.personalize.PersonalizeStackProps;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.constructs.Construct;

/**
 * One environment: the Data stack, the Personalize stack, then the API stack, all checked by cdk-nag's AwsSolutions
 * pack.
 */
public final class MovieRecStage extends Stage {
    private final DataStack dataStack;
    private final PersonalizeStack personalizeStack;
    private final ApiStack apiStack;

    public MovieRecStage(Construct scope, String id, MovieRecStageProps props) {
        super(scope, id, StageProps.builder().env(props.env()).build());
        EnvironmentConfig config = props.config();
        PersonalizeNames names = new PersonalizeNames(config.name());
        String stackPrefix = names.prefix();
        dataStack = new DataStack(this, "Data", DataStackProps.builder()
                .stackName(stackPrefix + "data")
                .names(names)
                .dataset(config.dataset())
                .preparedData(props.preparedData())
                .retainData(config.retainDataOnDestroy())
                .build());
        personalizeStack = new PersonalizeStack(this, "Personalize", PersonalizeStackProps.builder()
                .stackName(stackPrefix + "personalize")
                .config(config)
                .preparedData(props.preparedData())
                .dataStore(dataStack.store())
                .lifecycleJar(props.lifecycleJar())
                .build());
        personalizeStack.addStackDependency(dataStack, "imports read the uploaded data with the data key");
        apiStack = new ApiStack(this, "Api", ApiStackProps.builder()
                .stackName(stackPrefix + "api")
                .environment(config.name())
                .settings(config.api())
                .serving(personalizeStack.serving())
                .preparedData(props.preparedData())
                .layerBuildRoot(props.layerBuildRoot())
                .apiJar(props.apiJar())
                .build());
        // Also what makes a new campaign's or filter's ARN (a new name) reach the function right after it exists.
        apiStack.addStackDependency(personalizeStack, "the API calls its campaigns, filters and event tracker");
        Aspects.of(this).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
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
}
