package com.movierec.api.personalize;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The Personalize clients' HTTP client. Normally it is the URLConnection client; while SnapStart priming runs it
 * answers every call in-process with a small successful Personalize answer, so priming takes the SDK through
 * endpoint rules, marshalling, signing, the HTTP client's request set-up, response handling and unmarshalling
 * without one byte sent, and the snapshot holds all of that loaded and initialised.
 */
public final class PrimingHttpClient implements SdkHttpClient {
    private final SdkHttpClient network;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile String primingMovieId;

    public PrimingHttpClient(SdkHttpClient network) {
        this.network = network;
    }

    /** Runs {@code priming} with calls answered in-process; recommendations in the answers name {@code movieId}. */
    public void whileArmed(String movieId, Runnable priming) {
        primingMovieId = movieId;
        try {
            priming.run();
        } finally {
            primingMovieId = null;
        }
    }

    /** How many calls priming answered in-process so far: the log shows that priming reached the SDK. */
    public int answeredCalls() {
        return answered.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = network.prepareRequest(request); // sets the connection up, sends nothing
        String movieId = primingMovieId;
        if (movieId == null) {
            return prepared;
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                answered.incrementAndGet();
                byte[] body = answer(request.httpRequest().encodedPath(), movieId).getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.1")
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .putHeader("x-amzn-RequestId", "snapstart-priming")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    /** What Personalize would answer, by operation path (REST-JSON: /recommendations, /personalize-ranking, /events). */
    private static String answer(String path, String movieId) {
        String item = "[{\"itemId\":\"" + movieId + "\",\"score\":0.5}],\"recommendationId\":\"snapstart-priming\"}";
        if (path.endsWith("/recommendations")) {
            return "{\"itemList\":" + item;
        }
        if (path.endsWith("/personalize-ranking")) {
            return "{\"personalizedRanking\":" + item;
        }
        return "{}";
    }

    @Override
    public String clientName() {
        return network.clientName();
    }

    @Override
    public void close() {
        network.close();
    }
}
