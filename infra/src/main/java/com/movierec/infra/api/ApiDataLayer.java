package com.movierec.infra.api;

import com.movierec.infra.SynthException;
import com.movierec.infra.data.PreparedData;
import com.movierec.schemas.CsvRows;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.contract.ApiEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.constructs.Construct;

/**
 * The API's movie metadata as a Lambda layer: data-prep's items.csv and the users of the training interactions, one
 * id per line, sorted. Lambda unpacks layers into /opt, so the function reads both once, at start-up, from
 * /opt/movierec/; a request costs no read. The files are written at synth into a directory named after the data
 * version, byte for byte the same for the same data, so the layer changes only when the data does.
 */
public final class ApiDataLayer extends Construct {
    /** Where the function finds the files (the ITEMS_FILE and KNOWN_USERS_FILE of its contract). */
    public static final String ITEMS_FILE = ApiEnvironment.DEFAULT_ITEMS_FILE;
    public static final String KNOWN_USERS_FILE = ApiEnvironment.DEFAULT_KNOWN_USERS_FILE;
    private static final String DIRECTORY = "movierec";
    private static final String USER_ID = "USER_ID";

    private final ILayerVersion layer;

    /**
     * @param data      data-prep's output
     * @param buildRoot where the layer's directory is written, as {@code <buildRoot>/<dataVersion>/movierec/}
     */
    public ApiDataLayer(Construct scope, String id, PreparedData data, Path buildRoot) {
        super(scope, id);
        Path content = writeFiles(data, buildRoot);
        layer = LayerVersion.Builder.create(this, "Layer")
                .description("movierec API data: items.csv and known users of data version " + data.dataVersion())
                // A .partial file is only there if a synth was interrupted mid-write; never ship it.
                .code(Code.fromAsset(content.toString(), AssetOptions.builder().exclude(List.of(".*")).build()))
                .compatibleRuntimes(List.of(Runtime.JAVA_21))
                .compatibleArchitectures(List.of(Architecture.ARM_64))
                .build();
    }

    public ILayerVersion layer() {
        return layer;
    }

    /** Writes {@code movierec/items.csv} and {@code movierec/known-users.txt}; returns the layer's root directory. */
    static Path writeFiles(PreparedData data, Path buildRoot) {
        Path root = buildRoot.resolve(data.dataVersion());
        Path files = root.resolve(DIRECTORY);
        try {
            Files.createDirectories(files);
            Path items = data.directory().resolve(DatasetType.ITEMS.csvFileName());
            replace(files.resolve("items.csv"), temporary -> Files.copy(items, temporary,
                    StandardCopyOption.REPLACE_EXISTING));
            String users = String.join("\n", knownUsers(data.directory().resolve(
                    DatasetType.INTERACTIONS.csvFileName()))) + "\n";
            replace(files.resolve("known-users.txt"), temporary -> Files.writeString(temporary, users,
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API data layer into " + files, e);
        }
        return root;
    }

    /** The distinct USER_IDs of an interactions.csv, in string order (batch recommendations' users too). */
    public static SortedSet<String> knownUsers(Path interactions) {
        SortedSet<String> users = new TreeSet<>();
        try (CsvRows rows = new CsvRows(Files.newBufferedReader(interactions, StandardCharsets.UTF_8))) {
            CsvRows.Row header = rows.next();
            int column = header == null || header.fields() == null ? -1 : header.fields().indexOf(USER_ID);
            if (column < 0) {
                throw new SynthException(interactions + " has no " + USER_ID + " column in its header: prepare the "
                        + "data again with data-prep (bin/run).");
            }
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                if (row.fields() == null || row.fields().size() <= column) {
                    throw new SynthException(interactions + " line " + row.line() + " is not a valid interaction ("
                            + (row.problem() != null ? row.problem() : "too few fields") + "): prepare the data "
                            + "again with data-prep (bin/run).");
                }
                users.add(row.fields().get(column));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + interactions, e);
        }
        return users;
    }

    /** Writes through a temporary file and a rename, so an interrupted synth never leaves half a file. */
    private static void replace(Path target, FileWriter writer) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".partial");
        writer.write(temporary);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @FunctionalInterface
    private interface FileWriter {
        void write(Path temporary) throws IOException;
    }
}
