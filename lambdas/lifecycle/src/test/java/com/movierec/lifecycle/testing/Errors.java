package com.movierec.lifecycle.testing;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.LimitExceededException;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/** The SDK's own exception types, built the way its JSON unmarshaller builds them from Personalize's answers. */
public final class Errors {
    private Errors() {
    }

    public static ResourceNotFoundException notFound(String arn) {
        return ResourceNotFoundException.builder()
                .message("Could not find resource: " + arn)
                .statusCode(400)
                .awsErrorDetails(details("ResourceNotFoundException", "Could not find resource: " + arn))
                .build();
    }

    public static ResourceInUseException inUse(String message) {
        return ResourceInUseException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("ResourceInUseException", message))
                .build();
    }

    public static PersonalizeException throttled() {
        return (PersonalizeException) PersonalizeException.builder()
                .message("Rate exceeded")
                .statusCode(400)
                .awsErrorDetails(details("ThrottlingException", "Rate exceeded"))
                .build();
    }

    public static PersonalizeException status(int statusCode, String code) {
        return (PersonalizeException) PersonalizeException.builder()
                .message(code)
                .statusCode(statusCode)
                .awsErrorDetails(details(code, code))
                .build();
    }

    public static LimitExceededException limitExceeded() {
        String message = "You have reached the maximum number of active campaigns for this account.";
        return LimitExceededException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("LimitExceededException", message))
                .build();
    }

    public static InvalidInputException invalidInput(String message) {
        return InvalidInputException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("InvalidInputException", message))
                .build();
    }

    public static ResourceAlreadyExistsException alreadyExists(String message) {
        return ResourceAlreadyExistsException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("ResourceAlreadyExistsException", message))
                .build();
    }

    public static SdkClientException unreachable() {
        return SdkClientException.create("Unable to execute HTTP request: Connection reset",
                new java.net.SocketException("Connection reset"));
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Personalize").build();
    }
}
