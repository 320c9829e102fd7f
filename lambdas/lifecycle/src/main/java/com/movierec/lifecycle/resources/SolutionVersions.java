package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Status;
import com.movierec.schemas.contract.PersonalizeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ListSolutionVersionsRequest;
import software.amazon.awssdk.services.personalize.model.ListSolutionVersionsResponse;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.SolutionVersionSummary;
import software.amazon.awssdk.services.personalize.model.StopSolutionVersionCreationRequest;

/** Stops a solution's versions that are still training, which Personalize requires before DeleteSolution. */
final class SolutionVersions {
    private static final Logger LOG = LoggerFactory.getLogger(SolutionVersions.class);

    private final PersonalizeClient personalize;
    private final Retry retry;

    SolutionVersions(PersonalizeClient personalize, Retry retry) {
        this.personalize = personalize;
        this.retry = retry;
    }

    /**
     * Asks every version still training to stop and answers whether any is still in flight (training or stopping),
     * in which case the solution cannot be deleted yet.
     */
    boolean stopInFlight(String solutionArn) {
        boolean inFlight = false;
        String nextToken = null;
        do {
            ListSolutionVersionsRequest request = ListSolutionVersionsRequest.builder()
                    .solutionArn(solutionArn)
                    .nextToken(nextToken)
                    .build();
            ListSolutionVersionsResponse page;
            try {
                page = retry.call("ListSolutionVersions", () -> personalize.listSolutionVersions(request));
            } catch (ResourceNotFoundException e) {
                return false;
            }
            for (SolutionVersionSummary version : page.solutionVersions()) {
                if (Status.isStoppable(version.status())) {
                    stop(version.solutionVersionArn());
                    inFlight = true;
                } else if (PersonalizeStatus.CREATE_STOPPING.equals(version.status())) {
                    inFlight = true;
                }
            }
            nextToken = page.nextToken();
        } while (nextToken != null);
        return inFlight;
    }

    void stop(String solutionVersionArn) {
        try {
            retry.call("StopSolutionVersionCreation", () -> personalize.stopSolutionVersionCreation(
                    StopSolutionVersionCreationRequest.builder().solutionVersionArn(solutionVersionArn).build()));
            LOG.info("stopping a solution version that was still training", entry("solution_version_arn", solutionVersionArn));
        } catch (ResourceNotFoundException e) {
            LOG.info("the solution version is already gone", entry("solution_version_arn", solutionVersionArn));
        } catch (ResourceInUseException e) {
            LOG.info("the solution version is already settling", entry("solution_version_arn", solutionVersionArn));
        }
    }
}
