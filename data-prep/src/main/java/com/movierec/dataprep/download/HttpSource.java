package com.movierec.dataprep.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The two HTTP GETs a fetch needs: the small checksum sidecar, and the zip streamed to disk. */
final class HttpSource {
    private static final String USER_AGENT = "movierec-data-prep";

    private final HttpClient client;
    private final Duration requestTimeout;

    HttpSource(HttpClient client, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    /** The MD5 published at {@code url}; empty when there is no sidecar (404/410) or it holds no MD5. */
    Optional<String> publishedMd5(URI url, FailureMessages say) throws DownloadException {
        HttpResponse<InputStream> response = send(url, say);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404 || status == 410) {
                return Optional.empty();
            }
            if (status != 200) {
                throw say.httpStatus(status, url);
            }
            // One byte more than a sidecar may have, so an oversized answer (an error page) is recognised.
            byte[] text = body.readNBytes(Md5Sidecar.MAX_LENGTH + 1);
            return Md5Sidecar.parse(new String(text, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw say.network(e);
        }
    }

    /** Streams {@code url} into {@code target}, reporting progress, and returns the digests of what was written. */
    Digests download(URI url, Path target, DownloadListener listener, FailureMessages say) throws DownloadException {
        HttpResponse<InputStream> response = send(url, say);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw say.httpStatus(response.statusCode(), url);
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Digests.Accumulator digests = new Digests.Accumulator();
            long received = copy(body, target, digests, total, listener, say);
            if (total >= 0 && received != total) {
                throw say.truncated(url, received, total);
            }
            return digests.finish();
        } catch (IOException e) {
            // Only closing the body lands here; the copy itself reports its own failures.
            throw say.network(e);
        }
    }

    private static long copy(InputStream body, Path target, Digests.Accumulator digests, long total,
                             DownloadListener listener, FailureMessages say) throws DownloadException {
        byte[] buffer = new byte[Digests.BUFFER_SIZE];
        long received = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw say.network(e);
                }
                if (n < 0) {
                    return received;
                }
                out.write(buffer, 0, n);
                digests.update(buffer, n);
                received += n;
                listener.progress(received, total);
            }
        } catch (IOException e) {
            // Reading is handled above, so this is the disk: full, or the cache directory went away.
            throw say.cacheDir(e);
        }
    }

    private HttpResponse<InputStream> send(URI url, FailureMessages say) throws DownloadException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw say.network(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw say.interrupted(e);
        }
    }
}
