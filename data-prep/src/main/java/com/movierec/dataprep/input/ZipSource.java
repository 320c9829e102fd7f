package com.movierec.dataprep.input;

import com.movierec.dataprep.PrepException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A GroupLens zip read without unpacking it. GroupLens puts the files in one top-level folder (ml-100k/u.data); the
 * folder is found from the ratings file, so a zip of the files alone works too.
 */
final class ZipSource implements InputSource {
    private static final String[] MARKERS = {"u.data", "ratings.dat", "ratings.csv"};

    private final Path path;
    private final ZipFile zip;
    private final String prefix;

    private ZipSource(Path path, ZipFile zip, String prefix) {
        this.path = path;
        this.zip = zip;
        this.prefix = prefix;
    }

    static ZipSource open(Path path) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new PrepException("The input " + path + " is not a readable zip (" + e.getMessage() + "); download it again or pass the unzipped directory.");
        } catch (IOException e) {
            throw new PrepException("Cannot read " + path + " (" + e.getMessage() + "); check its permissions.");
        }
        return new ZipSource(path, zip, findPrefix(zip));
    }

    private static String findPrefix(ZipFile zip) {
        String best = "";
        int bestDepth = Integer.MAX_VALUE;
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (e.isDirectory() || name.startsWith("__MACOSX/")) {
                continue;
            }
            for (String marker : MARKERS) {
                if (name.equals(marker) || name.endsWith("/" + marker)) {
                    String prefix = name.substring(0, name.length() - marker.length());
                    int depth = prefix.split("/", -1).length;
                    if (depth < bestDepth) {
                        best = prefix;
                        bestDepth = depth;
                    }
                }
            }
        }
        return best;
    }

    @Override
    public String name() {
        return path.getFileName().toString();
    }

    @Override
    public boolean has(String file) {
        ZipEntry e = zip.getEntry(prefix + file);
        return e != null && !e.isDirectory();
    }

    @Override
    public InputStream open(String file) throws IOException {
        ZipEntry e = zip.getEntry(prefix + file);
        if (e == null) {
            throw new java.io.FileNotFoundException(location(file));
        }
        return zip.getInputStream(e);
    }

    @Override
    public long size(String file) {
        ZipEntry e = zip.getEntry(prefix + file);
        return e == null ? -1 : e.getSize();
    }

    @Override
    public String location(String file) {
        return path + "!" + prefix + file;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
