package com.movierec.local.deployer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The API handler logs JSON lines to standard output, as Lambda wants; while {@code up} runs they go to a file
 * instead, so the terminal keeps the lifecycle steps. Closing puts standard output back.
 */
final class ApiLog implements AutoCloseable {
    private final PrintStream original;
    private final PrintStream file;

    private ApiLog(PrintStream original, PrintStream file) {
        this.original = original;
        this.file = file;
    }

    static ApiLog redirect(Path logFile) {
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            OutputStream stream = Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            PrintStream file = new PrintStream(stream, true, StandardCharsets.UTF_8);
            PrintStream original = System.out;
            System.setOut(file);
            return new ApiLog(original, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API log " + logFile + ": " + e.getMessage()
                    + "; choose another file with --api-log", e);
        }
    }

    @Override
    public void close() {
        System.setOut(original);
        file.close();
    }
}
