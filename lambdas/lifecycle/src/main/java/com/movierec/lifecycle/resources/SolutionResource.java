package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.Retry;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.AutoTrainingConfig;
import software.amazon.awssdk.services.personalize.model.CreateSolutionRequest;
import software.amazon.awssdk.services.personalize.model.DeleteSolutionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionRequest;
import software.amazon.awssdk.services.personalize.model.Solution;
import software.amazon.awssdk.services.personalize.model.SolutionConfig;
import software.amazon.awssdk.services.personalize.model.SolutionUpdateConfig;
import software.amazon.awssdk.services.personalize.model.SolutionUpdateSummary;
import software.amazon.awssdk.services.personalize.model.UpdateSolutionRequest;

/**
 * {@code Custom::PersonalizeSolution}. PerformAutoTraining and AutoTrainingSchedule change in place (UpdateSolution);
 * anything else is a new solution. Delete first stops the versions still training, because Personalize will not
 * delete a solution while one is in flight, then deletes it and waits until it is gone.
 */
public final class SolutionResource extends UpdatableResource<Solution> {
    private final PersonalizeClient personalize;
    private final SolutionVersions versions;

    public SolutionResource(PersonalizeClient personalize, Retry retry) {
        super(CustomResourceType.SOLUTION, retry);
        this.personalize = personalize;
        this.versions = new SolutionVersions(personalize, retry);
    }

    @Override
    protected PersonalizeClient tagging() {
        return personalize;
    }

    @Override
    protected Set<String> inPlaceProperties() {
        return Set.of(SolutionConfigs.AUTO_TRAINING, SolutionConfigs.SCHEDULE);
    }

    @Override
    protected String create(CustomResourceEvent event) {
        Properties properties = event.properties();
        CreateSolutionRequest request = CreateSolutionRequest.builder()
                .name(properties.required("Name"))
                .datasetGroupArn(properties.required("DatasetGroupArn"))
                .recipeArn(Recipes.requireAvailable(properties.required(Recipes.PROPERTY)))
                .performHPO(properties.optionalBoolean("PerformHPO", false))
                .performAutoTraining(SolutionConfigs.performAutoTraining(properties))
                .eventType(properties.optional("EventType").orElse(null))
                .solutionConfig(SolutionConfigs.solutionConfig(properties))
                .tags(ResourceTags.forCreate(type, properties))
                .build();
        return call("CreateSolution", () -> personalize.createSolution(request)).solutionArn();
    }

    @Override
    protected void requestUpdate(CustomResourceEvent event, String arn) {
        Properties properties = event.properties();
        boolean autoTraining = SolutionConfigs.performAutoTraining(properties);
        UpdateSolutionRequest.Builder request = UpdateSolutionRequest.builder()
                .solutionArn(arn)
                .performAutoTraining(autoTraining);
        SolutionConfigs.schedule(properties).ifPresent(rate -> request.solutionUpdateConfig(SolutionUpdateConfig.builder()
                .autoTrainingConfig(AutoTrainingConfig.builder().schedulingExpression(rate).build())
                .build()));
        call("UpdateSolution", () -> personalize.updateSolution(request.build()));
    }

    @Override
    protected Optional<LatestUpdate> latestUpdate(CustomResourceEvent event, Solution solution) {
        SolutionUpdateSummary update = solution.latestSolutionUpdate();
        if (update == null) {
            return Optional.empty();
        }
        AutoTrainingConfig training = update.solutionUpdateConfig() == null
                ? null
                : update.solutionUpdateConfig().autoTrainingConfig();
        return Optional.of(new LatestUpdate(update.status(), update.failureReason(),
                matches(event, update.performAutoTraining(), training)));
    }

    @Override
    protected boolean currentMatchesRequest(CustomResourceEvent event, Solution solution) {
        SolutionConfig config = solution.solutionConfig();
        return matches(event, solution.performAutoTraining(), config == null ? null : config.autoTrainingConfig());
    }

    /** A schedule left out of the request is Personalize's default, so any schedule matches it. */
    private static boolean matches(CustomResourceEvent event, Boolean autoTraining, AutoTrainingConfig training) {
        Properties properties = event.properties();
        Optional<String> schedule = SolutionConfigs.schedule(properties);
        return Objects.equals(autoTraining, SolutionConfigs.performAutoTraining(properties))
                && schedule.map(rate -> training != null && rate.equals(training.schedulingExpression())).orElse(true);
    }

    @Override
    protected boolean readyToDelete(String arn) {
        if (versions.stopInFlight(arn)) {
            log.info("waiting for in-flight solution versions to stop before deleting", entry("arn", arn));
            return false;
        }
        return true;
    }

    @Override
    protected Optional<Solution> describe(String arn) {
        return found(() -> call("DescribeSolution", () -> personalize.describeSolution(
                DescribeSolutionRequest.builder().solutionArn(arn).build())).solution());
    }

    @Override
    protected String status(Solution solution) {
        return solution.status();
    }

    /** Personalize reports no failureReason for a solution itself, only for its updates and versions. */
    @Override
    protected String failureReason(Solution solution) {
        return null;
    }

    @Override
    protected void requestDelete(String arn) {
        run("DeleteSolution", () -> personalize.deleteSolution(DeleteSolutionRequest.builder().solutionArn(arn).build()));
    }
}
