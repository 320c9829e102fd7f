package com.movierec.dataprep.write;

import com.movierec.dataprep.PrepException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stages every output as a hidden partial file beside its final name and renames them into place only when the
 * whole run has succeeded, so a failed or interrupted run never leaves a half-written CSV and never touches the
 * outputs of an earlier good run.
 */
public final class OutputFiles {
    private static final String PARTIAL_SUFFIX = ".partial";

    private final Path dir;
    private final Collection<String> managedNames;
    private final List<String> staged = new ArrayList<>();

    /**
     * @param managedNames every file name data-prep may write here; published ones replace these, and ones this
     *                     run does not produce (users.csv for a release without users) are removed on publish so
     *                     the directory never mixes two runs
     */
    public OutputFiles(Path dir, Collection<String> managedNames) {
        this.dir = dir;
        this.managedNames = List.copyOf(managedNames);
        try {
            Files.createDirectories(dir);
            for (String name : managedNames) {
                Files.deleteIfExists(partial(name)); // left by a run that was killed
            }
        } catch (IOException e) {
            throw new PrepException("Cannot create the output directory " + dir + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); choose another with --output.", PrepException.IO_FAILURE, e);
        }
        if (!Files.isWritable(dir)) {
            throw new PrepException("The output directory " + dir + " is not writable; choose another with --output.",
                    PrepException.IO_FAILURE, null);
        }
    }

    public Path directory() {
        return dir;
    }

    /** Where to write {@code name} during the run. */
    public Path stage(String name) {
        if (!managedNames.contains(name)) {
            throw new IllegalArgumentException(name + " is not an output of data-prep");
        }
        staged.add(name);
        return partial(name);
    }

    /** Moves every staged file into place and removes managed files this run did not produce. */
    public void publish() throws IOException {
        for (String name : staged) {
            move(partial(name), dir.resolve(name));
        }
        for (String name : managedNames) {
            if (!staged.contains(name)) {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
    }

    /** Deletes the staged files; the final files are left as they were. */
    public void discard() {
        for (String name : staged) {
            try {
                Files.deleteIfExists(partial(name));
            } catch (IOException ignored) {
                // Best effort: a leftover partial file is removed by the next run.
            }
        }
    }

    private Path partial(String name) {
        return dir.resolve("." + name + PARTIAL_SUFFIX);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
