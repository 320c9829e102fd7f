package com.movierec.local.personalize.server.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An SDK HTTP client that changes each request's body after the SDK has signed it, as something between client and
 * server could; the signed headers go out untouched.
 */
final class TamperingHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final UnaryOperator<String> change;

    TamperingHttpClient(SdkHttpClient delegate, UnaryOperator<String> change) {
        this.delegate = delegate;
        this.change = change;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String body = request.contentStreamProvider().map(TamperingHttpClient::read).orElse("");
        return delegate.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
                .contentStreamProvider(ContentStreamProvider.fromUtf8String(change.apply(body))).build());
    }

    private static String read(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "Tampering" + delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
