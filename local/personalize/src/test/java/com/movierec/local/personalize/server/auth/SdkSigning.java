package com.movierec.local.personalize.server.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Personalize control-plane requests signed by the AWS SDK for Java v2's own SigV4 signer (the one its clients use),
 * at a chosen time, so a test can check what the server makes of a signature it did not compute itself, and sent
 * as signed.
 */
final class SdkSigning {
    private SdkSigning() {
    }

    /** {@code POST /} with an {@code X-Amz-Target} of {@code AmazonPersonalize.<operation>}, signed as Personalize. */
    static SdkHttpRequest controlPlane(URI endpoint, String operation, String body, AwsCredentialsIdentity credentials,
                                       Instant at) {
        return signed(endpoint, operation, body, credentials, at, RequestAuthenticator.SIGNING_NAME);
    }

    static SdkHttpRequest signed(URI endpoint, String operation, String body, AwsCredentialsIdentity credentials,
                                 Instant at, String signingName) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("X-Amz-Target", "AmazonPersonalize." + operation)
                .putHeader("Content-Type", "application/x-amz-json-1.1").build();
        return AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
    }

    /** The signed request as the server receives it, with {@code body} (which may differ from what was signed). */
    static ReceivedRequest received(SdkHttpRequest signed, String body) {
        return received(signed, signed.headers(), body);
    }

    static ReceivedRequest received(SdkHttpRequest signed, Map<String, List<String>> headers, String body) {
        return new ReceivedRequest(signed.method().name(), signed.getUri().getRawPath(),
                signed.getUri().getRawQuery(), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a signed request with every header it was signed with (HttpClient sets Host itself, to the same). */
    static HttpResponse<String> send(SdkHttpRequest signed, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
