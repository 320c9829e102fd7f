package com.movierec.lifecycle.watcher;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.Retry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/** Starts the watcher state machine for a job; starting it twice for the same job and WaitCondition is harmless. */
public final class StepFunctionsWatcherLauncher implements WatcherLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsWatcherLauncher.class);

    private final SfnClient sfn;
    private final Retry retry;

    public StepFunctionsWatcherLauncher(SfnClient sfn, Retry retry) {
        this.sfn = sfn;
        this.retry = retry;
    }

    @Override
    public void launch(String stateMachineArn, WatcherInput input) {
        String name = executionName(input);
        StartExecutionRequest request = StartExecutionRequest.builder()
                .stateMachineArn(stateMachineArn)
                .name(name)
                .input(input.toJson())
                .build();
        try {
            retry.call("StartExecution", () -> sfn.startExecution(request));
            LOG.info("started the watcher", entry("execution_name", name), entry("state_machine_arn", stateMachineArn));
        } catch (ExecutionAlreadyExistsException e) {
            LOG.info("the watcher is already running", entry("execution_name", name));
        }
    }

    /**
     * {@code <Kind>-<40 hex>}, at most 57 of the 80 characters allowed. The hash covers the ARN and the SignalUrl: the
     * same job and WaitCondition always get the same name (a second start is refused as a duplicate), while a new
     * WaitCondition for the same job gets its own execution; Step Functions never reuses a name within 90 days.
     */
    static String executionName(WatcherInput input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((input.arn() + "\n" + input.signalUrl()).getBytes(StandardCharsets.UTF_8));
            return input.kind() + "-" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
