package com.movierec.dataprep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.movierec.dataprep.convert.InteractionsPass;
import com.movierec.dataprep.convert.ItemsPass;
import com.movierec.dataprep.convert.UsersPass;
import com.movierec.dataprep.input.InputSource;
import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.PersonalizeRules;
import com.movierec.dataprep.report.PrepReport;
import com.movierec.dataprep.write.OutputFiles;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * The data-prep library: reads one MovieLens release and writes interactions.csv, items.csv, users.csv (when the
 * release has users) and report.json into the output directory, all or nothing.
 */
public final class DataPrep {
    public static final String REPORT_FILE = "report.json";
    static final List<String> OUTPUT_FILES = List.of(DatasetType.INTERACTIONS.csvFileName(),
            DatasetType.ITEMS.csvFileName(), DatasetType.USERS.csvFileName(), REPORT_FILE);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * The report, and whether the outputs were published: they are only when every Personalize rule passed.
     */
    public record Outcome(PrepReport report, Path outputDirectory, boolean published) {
        /** 0 when the data is ready for Personalize, 1 when a rule failed. */
        public int exitCode() {
            return published ? 0 : 1;
        }
    }

    private DataPrep() {
    }

    public static Outcome run(PrepOptions options) {
        return run(options, ProgressListener.NONE);
    }

    /** @throws PrepException for input the tool cannot use, with a sentence saying what to do */
    public static Outcome run(PrepOptions options, ProgressListener progress) {
        try (InputSource source = InputSource.open(options.input())) {
            MovieLensFormat format = options.format() != null ? options.format() : MovieLensFormat.detect(source);
            OutputFiles outputs = new OutputFiles(options.output(), OUTPUT_FILES);
            try {
                Outcome outcome = prepare(source, format, options, outputs, progress);
                if (outcome.published()) {
                    outputs.publish();
                } else {
                    outputs.discard();
                }
                return outcome;
            } catch (RuntimeException | IOException e) {
                outputs.discard();
                throw e;
            }
        } catch (ZipException e) {
            throw new PrepException("The input " + options.input() + " is a damaged zip (" + e.getMessage()
                    + "); download it again or pass the unzipped directory.", PrepException.BAD_INPUT, e);
        } catch (IOException e) {
            throw new PrepException("Cannot read or write while preparing " + options.input() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check the paths and free disk space.",
                    PrepException.IO_FAILURE, e);
        }
    }

    private static Outcome prepare(InputSource source, MovieLensFormat format, PrepOptions options,
                                   OutputFiles outputs, ProgressListener progress) throws IOException {
        Map<String, DatasetReport> datasets = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();

        long usersWithMetadata = 0;
        if (format.usersFile() != null && source.has(format.usersFile())) {
            DatasetReport users = new UsersPass(format, options.domain(), options.encoding())
                    .run(source, outputs.stage(DatasetType.USERS.csvFileName()));
            datasets.put("users", users);
            usersWithMetadata = users.rowsWritten();
        } else if (format.usersFile() != null) {
            notes.add(format.usersFile() + " is not in the input, so no users.csv was written (Personalize works without it).");
        }

        ItemsPass.Result items = new ItemsPass(format, options.domain(), options.encoding())
                .run(source, outputs.stage(DatasetType.ITEMS.csvFileName()));
        datasets.put("items", items.report());

        progress.start("Preparing " + format.ratingsFile(), source.size(format.ratingsFile()));
        InteractionsPass.Result interactions;
        try {
            interactions = new InteractionsPass(format, options.domain(), options.encoding(), options.eventType(),
                    options.minRating(), items.catalog())
                    .run(source, outputs.stage(DatasetType.INTERACTIONS.csvFileName()), progress::bytesRead);
        } finally {
            progress.finish();
        }
        datasets.put("interactions", interactions.report());
        InteractionsPass.Stats stats = interactions.stats();

        if (stats.withoutItemMetadata() > 0) {
            notes.add(stats.withoutItemMetadata() + " interactions are with movies missing from " + format.moviesFile()
                    + "; they were kept, and Personalize treats those movies as having no metadata.");
        }
        PrepReport report = new PrepReport(
                source.name(),
                format.id(),
                options.domain().name(),
                options.eventType(),
                options.minRating(),
                datasets,
                new PrepReport.Counts(stats.users(), stats.items(), stats.interactions(), stats.usersWithAtLeastTwo(),
                        items.report().rowsWritten(), usersWithMetadata, stats.withoutItemMetadata(),
                        stats.catalogItemsWithoutInteractions()),
                timeSpan(stats),
                PersonalizeRules.check(stats.interactions(), stats.usersWithAtLeastTwo(), datasets.values()),
                notes);

        if (!report.passed()) {
            return new Outcome(report, outputs.directory(), false);
        }
        Files.writeString(outputs.stage(REPORT_FILE), toJson(report) + "\n");
        return new Outcome(report, outputs.directory(), true);
    }

    private static PrepReport.TimeSpan timeSpan(InteractionsPass.Stats s) {
        if (s.interactions() == 0) {
            return null;
        }
        return new PrepReport.TimeSpan(Instant.ofEpochSecond(s.firstTimestamp()).toString(),
                Instant.ofEpochSecond(s.lastTimestamp()).toString(), s.firstTimestamp(), s.lastTimestamp(),
                (s.lastTimestamp() - s.firstTimestamp()) / 86_400);
    }

    /** The report as report.json holds it. */
    public static String toJson(PrepReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("report could not be serialized", e);
        }
    }

    /** Reads a report.json written by an earlier run. */
    public static PrepReport readReport(Path file) throws IOException {
        return JSON.readValue(file.toFile(), PrepReport.class);
    }
}
