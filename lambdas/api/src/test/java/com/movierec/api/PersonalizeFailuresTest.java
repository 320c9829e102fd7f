package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalizeevents.model.PersonalizeEventsException;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException;

/** Every endpoint that calls Personalize, against every way a call fails: the client gets a code it can act on. */
class PersonalizeFailuresTest {
    private static final String[] ENDPOINTS = {
        "get-user-recommendations", "get-similar-movies", "get-popular-movies", "post-rankings", "post-event"};

    enum Failure {
        THROTTLING_ERROR_CODE(429, "THROTTLED", () -> error(400, "ThrottlingException")),
        HTTP_429(429, "THROTTLED", () -> error(429, "TooManyRequestsException")),
        INVALID_INPUT(502, "UPSTREAM_ERROR", () -> InvalidInputException.builder().statusCode(400)
                .message("Invalid filter for arn:aws:personalize:eu-west-1:123456789012:campaign/x")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidInputException").build()).build()),
        ACCESS_DENIED(502, "UPSTREAM_ERROR", () -> error(403, "AccessDeniedException")),
        INTERNAL_FAILURE(502, "UPSTREAM_ERROR", () -> error(500, "InternalFailure")),
        SERVICE_UNAVAILABLE(503, "UNAVAILABLE", () -> error(503, "ServiceUnavailable")),
        CAMPAIGN_GONE(503, "UNAVAILABLE", () -> ResourceNotFoundException.builder().statusCode(404)
                .message("Campaign arn:aws:personalize:eu-west-1:123456789012:campaign/x does not exist")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build()),
        UNREACHABLE(503, "UNAVAILABLE", () -> SdkClientException.create("Unable to execute HTTP request: Connection refused")),
        TIMEOUT(503, "UNAVAILABLE", () -> ApiCallTimeoutException.create(6000));

        final int status;
        final String code;
        final Supplier<SdkException> exception;

        Failure(int status, String code, Supplier<SdkException> exception) {
            this.status = status;
            this.code = code;
            this.exception = exception;
        }
    }

    static Stream<Arguments> everyEndpointWithEveryFailure() {
        return Stream.of(ENDPOINTS).flatMap(endpoint -> Stream.of(Failure.values()).map(f -> Arguments.of(endpoint, f)));
    }

    @ParameterizedTest(name = "{0} when Personalize fails with {1}")
    @MethodSource("everyEndpointWithEveryFailure")
    void aPersonalizeFailureBecomesAnActionableErrorWithoutPersonalizesWords(String fixture, Failure failure) {
        TestApi api = new TestApi();
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class))).thenThrow(failure.exception.get());
        when(api.runtime.getPersonalizedRanking(any(GetPersonalizedRankingRequest.class))).thenThrow(failure.exception.get());
        when(api.events.putEvents(any(PutEventsRequest.class))).thenThrow(failure.exception.get());

        APIGatewayProxyResponseEvent response = api.call(fixture);

        assertThat(response.getStatusCode()).isEqualTo(failure.status);
        JsonNode body = TestApi.body(response);
        assertThat(body.path("error").asText()).isEqualTo(failure.code);
        assertThat(body.path("requestId").asText()).isEqualTo(TestApi.event(fixture).getRequestContext().getRequestId());
        assertThat(response.getBody()).doesNotContain("arn:", "Exception", "Personalize says", "Connection refused");
        if (failure.status == 429 || failure.code.equals("UNAVAILABLE")) {
            assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        } else {
            assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
        }
    }

    private static SdkException error(int status, String errorCode) {
        return PersonalizeEventsException.builder().statusCode(status).message(errorCode + " from Personalize says")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).serviceName("Personalize").build())
                .build();
    }
}
