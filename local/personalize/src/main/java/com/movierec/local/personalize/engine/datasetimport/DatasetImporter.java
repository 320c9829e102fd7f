package com.movierec.local.personalize.engine.datasetimport;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.PreparedData;
import com.movierec.local.personalize.engine.transitions.JobFailure;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.ImportCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one dataset import job: finds the CSV in local S3, checks it against the dataset's schema as Personalize's
 * import does ({@link ImportCheck}), reads it, adds it to or replaces the dataset's data, and for interactions
 * checks Personalize's minimums on the result. Any problem is a {@link JobFailure} whose message is the job's
 * failureReason.
 */
public final class DatasetImporter {
    private final Path s3Root;

    public DatasetImporter(Path s3Root) {
        this.s3Root = s3Root;
    }

    /**
     * @param current     the dataset's data now
     * @param incremental whether to add to it (INCREMENTAL) or replace it (FULL)
     * @return the dataset's data after the import
     */
    public ImportedData run(S3Location location, DatasetType type, AvroSchema schema, String schemaJson,
                            ImportedData current, boolean incremental) {
        Path file = location.resolve(s3Root);
        if (!Files.isRegularFile(file)) {
            throw new JobFailure("Input file not found: " + location.uri() + " does not exist (personalize-local "
                    + "looked for " + file + "). Upload the CSV there, or check the bucket and key.");
        }
        ImportCheck.Result check;
        try (InputStream in = Files.newInputStream(file)) {
            check = ImportCheck.check(ImportSchemas.forImport(schema, type, schemaJson), in);
        } catch (IOException e) {
            throw new JobFailure("Cannot read " + location.uri() + ": " + e.getMessage());
        }
        if (!check.ok()) {
            throw new JobFailure("The input CSV does not match the dataset's schema: " + check.summary());
        }
        long rows = check.rows() + (incremental ? current.rows() : 0);
        try {
            return switch (type) {
                case INTERACTIONS -> new ImportedData(rows, interactions(file, current, incremental), null);
                case ITEMS -> new ImportedData(rows, null, items(file, current, incremental));
                case USERS -> new ImportedData(rows, null, null);
            };
        } catch (IOException e) {
            throw new JobFailure("Cannot import " + location.uri() + ": " + e.getMessage());
        }
    }

    private static Interactions interactions(Path file, ImportedData current, boolean incremental) throws IOException {
        Interactions read = PreparedData.readInteractions(file);
        Interactions result = incremental && current.interactions() != null
                ? Concatenation.interactions(current.interactions(), read)
                : read;
        InteractionMinimums.violation(result).ifPresent(reason -> {
            throw new JobFailure(reason);
        });
        return result;
    }

    private static ItemCatalog items(Path file, ImportedData current, boolean incremental) throws IOException {
        ItemCatalog read = PreparedData.readItems(file);
        return incremental && current.items() != null ? Concatenation.items(current.items(), read) : read;
    }
}
