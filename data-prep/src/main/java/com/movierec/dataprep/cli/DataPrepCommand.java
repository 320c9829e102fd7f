package com.movierec.dataprep.cli;

import com.movierec.dataprep.DataPrep;
import com.movierec.dataprep.PrepException;
import com.movierec.dataprep.PrepOptions;
import com.movierec.dataprep.download.DownloadException;
import com.movierec.dataprep.download.MovieLensDownloader;
import com.movierec.dataprep.download.MovieLensRelease;
import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.schemas.Domain;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code data-prep}: MovieLens in, Personalize-ready CSVs and a report out; exit codes in {@code exitCodeList} below. */
@Command(name = "data-prep",
        mixinStandardHelpOptions = true,
        versionProvider = DataPrepCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Turns a MovieLens release (ml-100k, ml-1m, ml-latest, ml-latest-small, ml-25m, ml-32m; a directory or the"
                    + " GroupLens .zip) into interactions.csv, items.csv, users.csv and report.json, ready for an"
                    + " Amazon Personalize import. Outputs are written only when the data passes Personalize's rules."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the data is prepared and passes Personalize's rules",
            "1:the data breaks a Personalize rule (too little data, ids too long); nothing was written",
            "2:bad input or options: the message says what to fix",
            "3:download or disk problem"})
public final class DataPrepCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = {"-i", "--input"}, paramLabel = "PATH",
                description = "An unzipped MovieLens directory or the .zip GroupLens publishes.")
        Path input;

        @Option(names = {"-d", "--download"}, paramLabel = "RELEASE",
                description = "Download a release from GroupLens into the cache (reused afterwards): ml-100k, ml-1m,"
                        + " ml-latest-small, ml-25m or ml-32m.")
        String download;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where to write the CSVs and report.json (default: data/prepared/<release>).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (default: detected from the files), ml-100k, ml-1m or ml-latest.")
    String format;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "auto",
            description = "auto (default: UTF-8 for ml-latest, ISO-8859-1 for older releases unless the files are valid"
                    + " UTF-8), or a charset name such as UTF-8 to force one.")
    String encoding;

    @Option(names = "--event-type", paramLabel = "TYPE", defaultValue = PrepOptions.DEFAULT_EVENT_TYPE,
            description = "EVENT_TYPE of every interaction (default: ${DEFAULT-VALUE}).")
    String eventType;

    @Option(names = "--min-rating", paramLabel = "RATING",
            description = "Keep only ratings at or above this (0.5-5), to train on positive feedback only.")
    Double minRating;

    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "custom",
            description = "Schema variant: custom (default) or video-on-demand (requires a release date for every movie).")
    String domain;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where --download keeps zips (default: $MOVIEREC_CACHE_DIR, else ~/.cache/movierec/movielens).")
    Path cacheDir;

    @Option(names = "--download-url", paramLabel = "URL", hidden = false,
            description = "Base URL to download releases from, e.g. an internal mirror (default: GroupLens).")
    URI downloadUrl;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors and failed rules.")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress bar for long runs: auto (default: only on a terminal), always or never.")
    String progress;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run the CLI in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DataPrepCommand());
        // Titles are UTF-8 whatever the platform default is.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((e, args) -> {
            // picocli starts some messages with its own "Error: "; ours already say "error:".
            String message = e.getMessage() == null ? "invalid arguments" : e.getMessage().replaceFirst("^Error: ", "");
            e.getCommandLine().getErr().println(errorLine(message + " (run data-prep --help for the options)"));
            return PrepException.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(errorLine("data-prep stopped on an unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + "; this is a bug, please report it with the command you ran."));
            return 70;
        });
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path input = source.input != null ? source.input : download();
            Path target = output != null ? output : defaultOutput(input);
            PrepOptions options = new PrepOptions(input, target,
                    format.equalsIgnoreCase("auto") ? null : MovieLensFormat.fromId(format), charset(), eventType,
                    minRating, domain());
            long started = System.nanoTime();
            DataPrep.Outcome outcome = DataPrep.run(options, new TerminalProgress(showProgress()));
            if (!quiet || !outcome.published()) {
                ReportPrinter.print(outcome, (System.nanoTime() - started) / 1e9, out);
            }
            return outcome.exitCode();
        } catch (PrepException e) {
            err.println(errorLine(e.getMessage()));
            return e.exitCode();
        } catch (DownloadException e) {
            err.println(errorLine(e.getMessage()));
            return PrepException.IO_FAILURE;
        }
    }

    private Path download() throws DownloadException {
        MovieLensRelease release;
        try {
            release = MovieLensRelease.fromId(source.download);
        } catch (IllegalArgumentException e) {
            throw new PrepException(e.getMessage());
        }
        MovieLensDownloader downloader = new MovieLensDownloader(
                downloadUrl != null ? downloadUrl : MovieLensDownloader.GROUPLENS,
                cacheDir != null ? cacheDir : MovieLensDownloader.defaultCacheDir());
        TerminalProgress bar = new TerminalProgress(showProgress());
        boolean[] started = {false};
        try {
            return downloader.fetch(release, (bytes, total) -> {
                if (!started[0]) {
                    started[0] = true;
                    bar.start("Downloading " + release.zipName(), total);
                }
                bar.bytesRead(bytes);
            });
        } finally {
            bar.finish();
        }
    }

    /**
     * An error as the one line scripts and people expect: "error: " and the message, with any line break or other
     * control character in it (from a title or header quoted in the message) shown as a space.
     */
    static String errorLine(String message) {
        String text = message == null ? "unknown error" : message;
        return "error: " + text.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ").strip();
    }

    /** Where --output defaults to: data/prepared/ and the release's name, e.g. data/prepared/ml-1m for ml-1m.zip. */
    static Path defaultOutput(Path input) {
        Path file = input.toAbsolutePath().normalize().getFileName();
        String name = file == null ? "movielens" : file.toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip") && name.length() > 4) {
            name = name.substring(0, name.length() - 4);
        }
        return Path.of("data", "prepared", name);
    }

    private Charset charset() {
        if (encoding.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new PrepException("--encoding '" + encoding + "' is not a charset this Java knows; use auto, UTF-8 or ISO-8859-1.");
        }
    }

    private Domain domain() {
        return switch (domain.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "custom" -> Domain.CUSTOM;
            case "video-on-demand" -> Domain.VIDEO_ON_DEMAND;
            default -> throw new PrepException("--domain '" + domain + "' is not supported; use custom or video-on-demand.");
        };
    }

    private boolean showProgress() {
        return switch (progress.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> !quiet && System.console() != null;
            default -> throw new PrepException("--progress '" + progress + "' is not one of auto, always or never.");
        };
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DataPrepCommand.class.getPackage().getImplementationVersion();
            return new String[] {"data-prep " + (v == null ? "development" : v)};
        }
    }
}
