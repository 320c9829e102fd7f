package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.Arns;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Status;
import com.movierec.lifecycle.watcher.WatcherKind;
import com.movierec.lifecycle.watcher.WatcherLauncher;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.List;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/**
 * {@code Custom::PersonalizeSolutionVersion}: SolutionArn, TrainingMode, Trigger (opaque; a change trains a new
 * version) plus the watcher settings. Delete stops the version if it is still training; versions themselves are
 * deleted with their solution.
 */
public final class SolutionVersionResource extends WatchedJobResource {
    private static final List<String> TRAINING_MODES = List.of("FULL", "UPDATE");

    private final PersonalizeClient personalize;
    private final SolutionVersions versions;

    public SolutionVersionResource(PersonalizeClient personalize, Retry retry, WatcherLauncher watchers) {
        super(CustomResourceType.SOLUTION_VERSION, WatcherKind.SOLUTION_VERSION, retry, watchers);
        this.personalize = personalize;
        this.versions = new SolutionVersions(personalize, retry);
    }

    @Override
    protected PersonalizeClient tagging() {
        return personalize;
    }

    @Override
    protected String startJob(CustomResourceEvent event) {
        CreateSolutionVersionRequest request = CreateSolutionVersionRequest.builder()
                .solutionArn(event.properties().required("SolutionArn"))
                .trainingMode(event.properties().oneOf("TrainingMode", TRAINING_MODES))
                .tags(ResourceTags.forCreate(type, event.properties()))
                .build();
        return call("CreateSolutionVersion", () -> personalize.createSolutionVersion(request)).solutionVersionArn();
    }

    /** A version has no name of its own: {@code <solution name>/<version id>}, or the solution's before it exists. */
    @Override
    public String name(CustomResourceEvent event) {
        if (Arns.isArn(event.physicalId())) {
            return Arns.resourceName(event.physicalId());
        }
        Object solutionArn = event.properties().asMap().get("SolutionArn");
        return solutionArn instanceof String arn && Arns.isArn(arn) ? Arns.resourceName(arn) : event.logicalId();
    }

    @Override
    protected String jobName(CustomResourceEvent event, String arn) {
        return Arns.resourceName(arn);
    }

    @Override
    protected void delete(CustomResourceEvent event, String arn) {
        try {
            String status = call("DescribeSolutionVersion", () -> personalize.describeSolutionVersion(
                    DescribeSolutionVersionRequest.builder().solutionVersionArn(arn).build())).solutionVersion().status();
            if (Status.isStoppable(status)) {
                versions.stop(arn);
            } else {
                log.info("nothing to stop; the version is deleted with its solution");
            }
        } catch (ResourceNotFoundException e) {
            log.info("already deleted with its solution");
        }
    }
}
