package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.schemas.DatasetType;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.InvalidNextTokenException;
import software.amazon.awssdk.services.personalize.model.LimitExceededException;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;

/** Every error type the project's code handles, as the real SDK clients raise them from the server's answers. */
class ErrorsThroughSdkTest {
    @TempDir
    Path s3;

    private LocalPersonalize local;
    private PersonalizeClient personalize;
    private Provisioner provisioner;

    @BeforeEach
    void start() {
        local = LocalPersonalize.start(s3, Delays.NONE);
        personalize = local.personalize;
        provisioner = new Provisioner(local);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void anUnknownArnIsResourceNotFoundOnEveryApi() {
        String missing = "arn:aws:personalize:us-east-1:000000000000:dataset-group/nope";
        assertThatThrownBy(() -> personalize.describeDatasetGroup(r -> r.datasetGroupArn(missing)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(missing)
                .asInstanceOf(type(ResourceNotFoundException.class))
                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> local.runtime.getRecommendations(r -> r
                .campaignArn("arn:aws:personalize:us-east-1:000000000000:campaign/nope").userId("u1")))
                .isInstanceOf(software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException.class)
                .asInstanceOf(type(PersonalizeRuntimeException.class))
                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> local.events.putEvents(r -> r.trackingId("no-such-tracker").sessionId("s")
                .eventList(Event.builder().eventType("Watch").itemId("i").sentAt(Instant.now()).build())))
                .isInstanceOf(software.amazon.awssdk.services.personalizeevents.model.ResourceNotFoundException.class);
    }

    @Test
    void aTakenNameIsResourceAlreadyExists() {
        provisioner.schema("taken", DatasetType.INTERACTIONS);
        assertThatThrownBy(() -> provisioner.schema("taken", DatasetType.ITEMS))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageContaining("arn:aws:personalize:us-east-1:000000000000:schema/taken");
    }

    @Test
    void deletingADatasetGroupThatHoldsADatasetIsResourceInUse() {
        String schema = provisioner.schema("interactions", DatasetType.INTERACTIONS);
        String group = provisioner.datasetGroup("group");
        String dataset = provisioner.dataset("interactions", group, DatasetType.INTERACTIONS, schema);

        assertThatThrownBy(() -> personalize.deleteDatasetGroup(r -> r.datasetGroupArn(group)))
                .isInstanceOf(ResourceInUseException.class).hasMessageContaining(dataset);
        assertThatThrownBy(() -> personalize.deleteSchema(r -> r.schemaArn(schema)))
                .isInstanceOf(ResourceInUseException.class).hasMessageContaining(dataset);
    }

    @Test
    void aRequestBreakingTheServiceModelIsValidationExceptionNamingTheMember() {
        assertThatThrownBy(() -> personalize.createDatasetGroup(r -> r.name("-not a name")))
                .isInstanceOfSatisfying(PersonalizeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                })
                .hasMessageContaining("1 validation error detected: Value '-not a name' at 'name' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
        assertThatThrownBy(() -> local.runtime.getRecommendations(r -> r.campaignArn("not-an-arn").numResults(-1)))
                .isInstanceOfSatisfying(PersonalizeRuntimeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                })
                .hasMessageContaining("2 validation errors detected")
                .hasMessageContaining("at 'campaignArn' failed to satisfy constraint: Member must satisfy regular")
                .hasMessageContaining("Value '-1' at 'numResults' failed to satisfy constraint: Member must have value "
                        + "greater than or equal to 0");
    }

    @Test
    void badInputTheModelCannotExpressIsInvalidInputWithAMessageThatSaysWhy() {
        String group = provisioner.datasetGroup("group");
        assertThatThrownBy(() -> personalize.createSolution(r -> r.name("hrnn").datasetGroupArn(group)
                .recipeArn("arn:aws:personalize:::recipe/aws-hrnn")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("retired")
                .hasMessageContaining("aws-user-personalization-v2");
        assertThatThrownBy(() -> personalize.createFilter(r -> r.name("broken").datasetGroupArn(group)
                .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> personalize.createSchema(r -> r.name("not-avro").schema("{\"type\": \"enum\"}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Avro record");
    }

    @Test
    void aSecondEventTrackerInOneGroupIsLimitExceeded() {
        String group = provisioner.datasetGroup("group");
        provisioner.eventTracker("first", group);
        assertThatThrownBy(() -> personalize.createEventTracker(r -> r.name("second").datasetGroupArn(group)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("only one");
    }

    @Test
    void aForeignNextTokenIsInvalidNextToken() {
        assertThatThrownBy(() -> personalize.listSchemas(r -> r.nextToken("not-a-token")))
                .isInstanceOf(InvalidNextTokenException.class);
    }

    @Test
    void anInjectedThrottleIsThrottlingToTheSdkOnBothProtocols() {
        local.server.engine().faults().throttleNext(2);

        assertThatThrownBy(() -> personalize.listSchemas(r -> { }))
                .isInstanceOf(PersonalizeException.class)
                .asInstanceOf(type(SdkServiceException.class))
                .satisfies(e -> assertThat(e.isThrottlingException()).isTrue())
                .satisfies(e -> assertThat(RetryUtils.isThrottlingException(e)).as("what the retry strategy asks").isTrue());
        assertThatThrownBy(() -> local.runtime.getRecommendations(r -> r
                .campaignArn("arn:aws:personalize:us-east-1:000000000000:campaign/any").userId("u1")))
                .asInstanceOf(type(PersonalizeRuntimeException.class))
                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(429))
                .satisfies(e -> assertThat(e.isThrottlingException()).isTrue());
        assertThat(personalize.listSchemas(r -> { }).schemas()).as("the fault fires twice only").isEmpty();
    }

    @Test
    void aClientWithTheSdksDefaultRetriesGetsThroughAThrottle() {
        local.server.engine().faults().throttleNext(2);
        try (PersonalizeClient retrying = PersonalizeClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(local.server.endpoint()).build()) {
            assertThat(retrying.listRecipes(r -> { }).recipes()).isNotEmpty();
        }
        assertThat(local.server.engine().faults().takeThrottle()).isFalse();
    }
}
