package com.movierec.local.deployer.deploy.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One JSON file per stack, {@code <dir>/<stackName>.json}, written whole to a temporary file and moved into place,
 * so an interrupted run leaves the previous state or the new one, never half of either.
 */
public final class FileStateStore implements StateStore {
    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    public FileStateStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Optional<StackState> load(String stackName) {
        Path file = file(stackName);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local deploy state " + file + " (delete it to start "
                    + "over; personalize-local may then hold resources this state knew about)", e);
        }
    }

    @Override
    public void save(StackState state) {
        Path file = file(state.stackName());
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, state.stackName(), ".partial");
            JSON.writeValue(partial.toFile(), state);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local deploy state " + file, e);
        }
    }

    @Override
    public void remove(String stackName) {
        try {
            Files.deleteIfExists(file(stackName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the local deploy state " + file(stackName), e);
        }
    }

    @Override
    public List<StackState> all() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<StackState> states = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(SUFFIX)).sorted()
                    .forEach(name -> load(name.substring(0, name.length() - SUFFIX.length())).ifPresent(states::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return states;
    }

    private Path file(String stackName) {
        if (!stackName.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("'" + stackName + "' is not a CloudFormation stack name");
        }
        return directory.resolve(stackName + SUFFIX);
    }
}
