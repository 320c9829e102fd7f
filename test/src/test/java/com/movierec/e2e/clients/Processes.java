package com.movierec.e2e.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external client to completion and keeps what it said. */
final class Processes {
    /** A generous bound for one client run; hitting it means a hang, not a slow machine. */
    private static final long LIMIT_MINUTES = 10;

    record Result(int exit, String stdout, String stderr) {
    }

    private Processes() {
    }

    static Result run(List<String> command, Map<String, String> environment, Path scratch) {
        try {
            Path out = Files.createTempFile(scratch, "out", ".txt");
            Path err = Files.createTempFile(scratch, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            // The client sees only the AWS settings given, none from the environment the build runs in.
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + LIMIT_MINUTES + " minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Whether {@code command} runs and exits 0 here; null if so, else why not. */
    static String unavailable(List<String> command, Path scratch) {
        try {
            Result result = run(command, Map.of(), scratch);
            return result.exit() == 0 ? null : String.join(" ", command) + " failed: " + result.stderr().strip();
        } catch (UncheckedIOException e) {
            return String.join(" ", command) + " cannot run: " + e.getCause().getMessage();
        }
    }
}
