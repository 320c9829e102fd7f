package com.movierec.dataprep.input;

import com.movierec.dataprep.PrepException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A MovieLens release as published: an unzipped directory or the GroupLens zip, read in place. */
public interface InputSource extends Closeable {

    /** A short, machine-independent name for reports, e.g. {@code ml-100k} or {@code ml-25m.zip}. */
    String name();

    boolean has(String file);

    InputStream open(String file) throws IOException;

    /** Uncompressed size in bytes, or -1 when unknown. */
    long size(String file);

    /** Where {@code file} is, for messages: a path, or {@code zip!entry}. */
    String location(String file);

    static InputSource open(Path path) {
        if (!Files.exists(path)) {
            throw new PrepException("The input " + path + " does not exist; pass an unzipped MovieLens directory or its .zip with --input, or use --download.");
        }
        if (Files.isDirectory(path)) {
            return new DirectorySource(path);
        }
        if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            return ZipSource.open(path);
        }
        throw new PrepException("The input " + path + " is a file but not a .zip; pass the unzipped MovieLens directory or the .zip GroupLens publishes.");
    }
}
