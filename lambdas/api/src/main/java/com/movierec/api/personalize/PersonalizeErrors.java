package com.movierec.api.personalize;

import com.movierec.api.http.ApiException;
import com.movierec.api.http.ErrorCode;
import com.movierec.api.log.JsonLog;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns a failed Personalize call into the API's error. Clients see a sentence and a code they can act on (retry
 * later, or report); the log gets the service's status and error code. Neither gets an ARN or the SDK's message.
 */
final class PersonalizeErrors {
    /** Personalize gives no Retry-After; one second is about how long its per-second limits take to refill. */
    static final String RETRY_AFTER_SECONDS = "1";

    private PersonalizeErrors() {
    }

    static ApiException translate(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String errorCode = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            JsonLog.warn("Personalize " + operation + " failed: status " + service.statusCode() + ", error code "
                    + errorCode, "operation", operation, "upstreamStatus", service.statusCode(), "upstreamErrorCode",
                    errorCode);
            if (service.isThrottlingException()) {
                return new ApiException(ErrorCode.THROTTLED, "Too many requests right now: retry after a second.",
                        Map.of("Retry-After", RETRY_AFTER_SECONDS));
            }
            if ("ResourceNotFoundException".equals(errorCode) || service.statusCode() == 503) {
                // A missing campaign, filter or tracker: a deployment is in progress or broken, not the client's doing.
                return unavailable();
            }
            return new ApiException(ErrorCode.UPSTREAM_ERROR,
                    "The recommendation service could not answer this request; it has been logged.");
        }
        JsonLog.warn("Personalize " + operation + " was not reached: " + e.getClass().getSimpleName(),
                "operation", operation, "exception", e.getClass().getSimpleName());
        return unavailable();
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.UNAVAILABLE,
                "The recommendation service is unavailable right now: retry in a few seconds.",
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
