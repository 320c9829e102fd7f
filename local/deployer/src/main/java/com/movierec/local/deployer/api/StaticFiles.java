package com.movierec.local.deployer.api;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Files of one directory, for the web page next to the API. Only a regular file that is, after normalising and
 * following links, inside the directory is served; anything else is absent, so {@code ..}, encoded or not, and
 * symbolic links out of the directory find nothing.
 */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final Path root;

    StaticFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /** A file under the root, found by the request's percent-encoded path; {@code /} is index.html. */
    record StaticFile(byte[] content, String contentType) {
    }

    Optional<StaticFile> find(String rawPath) throws IOException {
        String relative;
        try {
            relative = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        relative = relative.replaceFirst("^/+", "");
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative += "index.html";
        }
        Path file;
        try {
            file = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || !file.toRealPath().startsWith(root)) {
            return Optional.empty();
        }
        return Optional.of(new StaticFile(Files.readAllBytes(file), contentType(file)));
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
