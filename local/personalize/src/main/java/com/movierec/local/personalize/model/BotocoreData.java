package com.movierec.local.personalize.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds botocore's {@code data} directory, where AWS publishes its service models for Python: the system property
 * {@value #PROPERTY}, else the environment variable {@value #VARIABLE}, else wherever the {@code python3} on PATH
 * imports botocore from (boto3 and the AWS CLI bring it).
 */
public final class BotocoreData {
    public static final String PROPERTY = "movierec.botocore.data";
    public static final String VARIABLE = "MOVIEREC_BOTOCORE_DATA";
    private static final String ASK_PYTHON = "import botocore, os; print(os.path.dirname(botocore.__file__))";
    private static final long PYTHON_TIMEOUT_SECONDS = 60;
    private static final String HOW_TO_FIX = "install it with `pip install botocore` or set " + VARIABLE
            + " (or -D" + PROPERTY + ") to botocore's data directory";

    private BotocoreData() {
    }

    /** @throws ServiceModelsUnavailableException saying, in one sentence, what was missing and how to fix it */
    public static Path locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(VARIABLE), "python3");
    }

    /** {@link #locate()} with the property's and the variable's values and the Python to ask given. */
    static Path locate(String property, String variable, String python) {
        String explicit = property;
        String origin = "-D" + PROPERTY;
        if (explicit == null || explicit.isBlank()) {
            explicit = variable;
            origin = VARIABLE;
        }
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit);
            if (!Files.isDirectory(dir)) {
                throw new ServiceModelsUnavailableException(origin + " names " + dir + ", which is not a directory: "
                        + "point it at botocore's data directory (the one holding personalize/)");
            }
            return dir;
        }
        return fromPython(python);
    }

    private static Path fromPython(String python) {
        String out;
        int exit;
        try {
            Process process = new ProcessBuilder(python, "-c", ASK_PYTHON).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw unavailable(python + " did not say within " + PYTHON_TIMEOUT_SECONDS + " s where botocore is");
            }
            out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            exit = process.exitValue();
        } catch (IOException e) {
            throw unavailable("there is no " + python + " to ask where botocore is");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the question to " + python + " where botocore is was interrupted");
        }
        if (exit != 0 || out.isEmpty()) {
            throw unavailable(python + " has no botocore");
        }
        Path data = Path.of(out.lines().reduce((first, last) -> last).orElseThrow()).resolve("data");
        if (!Files.isDirectory(data)) {
            throw unavailable(python + "'s botocore at " + data.getParent() + " has no data directory");
        }
        return data;
    }

    private static ServiceModelsUnavailableException unavailable(String why) {
        return new ServiceModelsUnavailableException("personalize-local checks every request against the Personalize "
                + "service models that botocore ships, but " + why + ": " + HOW_TO_FIX);
    }
}
