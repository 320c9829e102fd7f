package com.movierec.dataprep.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An unzipped MovieLens release. */
final class DirectorySource implements InputSource {
    private final Path dir;

    DirectorySource(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    @Override
    public boolean has(String file) {
        return Files.isRegularFile(dir.resolve(file));
    }

    @Override
    public InputStream open(String file) throws IOException {
        return Files.newInputStream(dir.resolve(file));
    }

    @Override
    public long size(String file) {
        try {
            return Files.size(dir.resolve(file));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public String location(String file) {
        return dir.resolve(file).toString();
    }

    @Override
    public void close() {
    }
}
