package com.movierec.lifecycle.watcher;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/**
 * One Check of the watcher state machine: describes the job, signals the WaitCondition once it is ACTIVE or has
 * failed, and returns the input with {@code Done} and {@code Status} so the state machine knows whether to wait again.
 */
public final class Watcher {
    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);
    private static final String NOT_FOUND = "NOT FOUND";

    private final PersonalizeClient personalize;
    private final Retry retry;
    private final WaitConditionSignaller signaller;

    public Watcher(PersonalizeClient personalize, Retry retry, WaitConditionSignaller signaller) {
        this.personalize = personalize;
        this.retry = retry;
        this.signaller = signaller;
    }

    public Map<String, Object> check(Map<String, Object> rawInput) {
        WatcherInput input = WatcherInput.from(rawInput);
        MDC.put("kind", input.kind().toString());
        MDC.put("resource_type", input.kind().resourceType().toString());
        MDC.put("resource_name", input.resourceName());
        MDC.put("arn", input.arn());

        Optional<JobState> state = describe(input);
        String status = state.map(JobState::status).orElse(NOT_FOUND);
        boolean done = true;
        if (state.isEmpty()) {
            signaller.signal(input.signalUrl(), SignalBody.failure(input.arn(), input.kind().resourceType() + " "
                    + input.resourceName() + " no longer exists: it was deleted before it finished"));
        } else if (Status.isActive(status)) {
            signaller.signal(input.signalUrl(), SignalBody.success(input.arn(),
                    input.kind().resourceType() + " " + input.resourceName() + " is ACTIVE"));
        } else if (Status.isFailed(status)) {
            String reason = Failure.status(input.kind().resourceType(), input.resourceName(), status,
                    state.get().failureReason()).getMessage();
            signaller.signal(input.signalUrl(), SignalBody.failure(input.arn(), reason));
        } else {
            done = false;
        }
        LOG.info(done ? "signalled the WaitCondition" : "still running", entry("status", status), entry("done", done));

        Map<String, Object> output = new LinkedHashMap<>(rawInput);
        output.put("Done", done);
        output.put("Status", status);
        return output;
    }

    private Optional<JobState> describe(WatcherInput input) {
        try {
            return Optional.of(switch (input.kind()) {
                case DATASET_IMPORT_JOB -> {
                    DatasetImportJob job = retry.call("DescribeDatasetImportJob", () -> personalize.describeDatasetImportJob(
                            DescribeDatasetImportJobRequest.builder().datasetImportJobArn(input.arn()).build()))
                            .datasetImportJob();
                    yield new JobState(job.status(), job.failureReason());
                }
                case SOLUTION_VERSION -> {
                    SolutionVersion version = retry.call("DescribeSolutionVersion", () -> personalize.describeSolutionVersion(
                            DescribeSolutionVersionRequest.builder().solutionVersionArn(input.arn()).build()))
                            .solutionVersion();
                    yield new JobState(version.status(), version.failureReason());
                }
            });
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private record JobState(String status, String failureReason) {
    }
}
