package com.movierec.lifecycle.watcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signals a WaitCondition with an HTTP PUT and an empty Content-Type, which the presigned S3 URL is signed for. No
 * message it produces contains the URL: exceptions are rebuilt from the failure's kind and the HTTP status only.
 */
public final class HttpWaitConditionSignaller implements WaitConditionSignaller {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern S3_ERROR_CODE = Pattern.compile("<Code>([A-Za-z]+)</Code>");

    private final HttpClient http;

    public HttpWaitConditionSignaller() {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build());
    }

    public HttpWaitConditionSignaller(HttpClient http) {
        this.http = http;
    }

    @Override
    public void signal(String signalUrl, String body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(signalUrl))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the SignalUrl is not a valid http(s) URL (its value is a secret and not shown)");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("signalling the WaitCondition failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the WaitCondition");
        }
        if (response.statusCode() / 100 != 2) {
            // S3's error body echoes the signed request; only its error code is safe to repeat.
            Matcher code = S3_ERROR_CODE.matcher(response.body() == null ? "" : response.body());
            throw new IllegalStateException("the WaitCondition refused the signal with HTTP " + response.statusCode()
                    + (code.find() ? " " + code.group(1) : ""));
        }
    }
}
