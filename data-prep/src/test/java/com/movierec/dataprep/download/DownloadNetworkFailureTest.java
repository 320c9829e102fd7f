package com.movierec.dataprep.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Failures that a loopback server cannot provoke (DNS, TLS) are checked on the exceptions HttpClient throws. */
class DownloadNetworkFailureTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void unresolvableHostMeansNoNetworkConnection() {
        ConnectException fromHttpClient = new ConnectException();
        fromHttpClient.initCause(new UnresolvedAddressException());

        assertThat(NetworkFailure.reason(fromHttpClient, TIMEOUT))
                .isEqualTo("no network connection: the server's name could not be resolved");
        assertThat(NetworkFailure.reason(new UnknownHostException("files.grouplens.org"), TIMEOUT))
                .isEqualTo("no network connection: the server's name could not be resolved");
    }

    @Test
    void connectTimeoutMeansNoNetworkConnection() {
        assertThat(NetworkFailure.reason(new HttpConnectTimeoutException("HTTP connect timed out"), TIMEOUT))
                .isEqualTo("no network connection: connecting timed out");
    }

    @Test
    void refusedConnectionWithoutMessageStillSaysRefused() {
        assertThat(NetworkFailure.reason(new ConnectException(), TIMEOUT))
                .isEqualTo("no network connection: connection refused");
    }

    @Test
    void tlsFailureIsNamedAsSuch() {
        IOException e = new IOException(new SSLHandshakeException("PKIX path building failed"));

        assertThat(NetworkFailure.reason(e, TIMEOUT)).startsWith("the secure connection failed: ");
    }

    @Test
    void causeIsShortenedToOneLowerCaseLineWithoutFinalPeriod() {
        IOException e = new IOException("Connection reset by peer.\n\tat somewhere");

        assertThat(NetworkFailure.reason(e, TIMEOUT)).isEqualTo("the connection failed: connection reset by peer");
        assertThat(NetworkFailure.briefOr(new IOException("x".repeat(500)), "-")).hasSize(123);
    }
}
