package com.movierec.local.deployer.deploy.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.lifecycle.WatcherHandler;
import com.movierec.local.deployer.deploy.resources.Requests;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.waitcondition.SignalBoard;
import com.movierec.local.deployer.deploy.waitcondition.WaitConditionResource;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

class LocalStepFunctionsTest {
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:000000000000:stateMachine:watcher";

    /** Nothing listens on port 1: every Personalize call of the watcher fails as unreachable. */
    private final PersonalizeClient unreachable = PersonalizeClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .endpointOverride(URI.create("http://127.0.0.1:1"))
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    private final SignalBoard board = new SignalBoard();
    private final LocalStepFunctions stepFunctions = new LocalStepFunctions(
            new WatcherHandler(unreachable, board, new CappedSleeper(Duration.ofMillis(1))), Duration.ofMillis(10),
            board);
    private final SfnClient sfn = stepFunctions.client();

    @AfterEach
    void close() {
        stepFunctions.close();
        unreachable.close();
    }

    @Test
    void startingTheSameExecutionAgainAnswersTheSameOneAndAnotherInputIsRefused() {
        String input = input("https://waitcondition.localmode.invalid/s/H/1");
        StartExecutionResponse first = sfn.startExecution(r -> r.stateMachineArn(STATE_MACHINE).name("job-1")
                .input(input));
        StartExecutionResponse again = sfn.startExecution(r -> r.stateMachineArn(STATE_MACHINE).name("job-1")
                .input(input));

        assertThat(first.executionArn()).isEqualTo("arn:aws:states:eu-west-1:000000000000:execution:watcher:job-1")
                .isEqualTo(again.executionArn());
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(STATE_MACHINE).name("job-1")
                .input(input("https://waitcondition.localmode.invalid/s/H/2"))))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn("watcher").name("x").input(input)))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void everyOtherOperationSaysItIsNotEmulated() {
        assertThat(sfn.serviceName()).isEqualTo("states");
        assertThatThrownBy(() -> sfn.listExecutions(r -> r.stateMachineArn(STATE_MACHINE)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("local Step Functions runs only StartExecution of the Personalize job watcher, not "
                        + "listExecutions");
    }

    @Test
    void aWatcherThatFailsTellsItsWaitConditionInsteadOfLeavingItToTimeOut() {
        String url = board.open("test-stack", "Handle");

        sfn.startExecution(r -> r.stateMachineArn(STATE_MACHINE).name("job-2").input(input(url)));

        assertThatThrownBy(() -> new WaitConditionResource(board).create(Requests.create("Condition",
                "AWS::CloudFormation::WaitCondition", "{\"Handle\": \"" + url + "\", \"Timeout\": \"60\"}")))
                .isInstanceOf(ResourceFailure.class)
                .hasMessageContaining("the watcher that signals this WaitCondition stopped with an error")
                .hasMessageContaining("DescribeDatasetImportJob was still throttled or unreachable after 8 attempts");
    }

    private static String input(String signalUrl) {
        return "{\"Kind\": \"DatasetImportJob\", \"Arn\": \"arn:aws:personalize:eu-west-1:000000000000:"
                + "dataset-import-job/job\", \"ResourceName\": \"job\", \"SignalUrl\": \"" + signalUrl + "\", "
                + "\"PollSeconds\": 60}";
    }
}
