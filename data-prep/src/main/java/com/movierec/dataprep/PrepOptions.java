package com.movierec.dataprep;

import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.schemas.Domain;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to prepare and how. Start from {@link #defaults(Path, Path)} and change an option with its {@code with...};
 * every option is checked as the record is made, so a bad one fails before any file is read.
 */
public record PrepOptions(
        Path input,
        Path output,
        MovieLensFormat format,
        Charset encoding,
        String eventType,
        Double minRating,
        Domain domain) {

    public static final String DEFAULT_EVENT_TYPE = "Watch";

    /** Null format or encoding means: detect it. Null minRating keeps every rating. */
    public PrepOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(domain, "domain");
        if (eventType == null || eventType.isBlank()) {
            throw new PrepException("--event-type is empty; give the interaction type to record, e.g. Watch.");
        }
        if (eventType.length() > 256 || !eventType.matches("[A-Za-z0-9_.:\\- ]+")) {
            throw new PrepException("--event-type '" + eventType
                    + "' is not a valid event type; use up to 256 letters, digits, spaces or _ . : -, e.g. Watch.");
        }
        if (minRating != null && (minRating.isNaN() || minRating < 0.5 || minRating > 5.0)) {
            throw new PrepException("--min-rating " + minRating + " is outside MovieLens' 0.5 to 5 rating scale; use e.g. 4 to keep only positive feedback.");
        }
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new PrepException("--output " + output + " is the input directory; write the prepared files somewhere else, e.g. data/prepared/ml-100k.");
        }
    }

    /** The defaults: detect the format and encoding, EVENT_TYPE Watch, every rating, the custom domain. */
    public static PrepOptions defaults(Path input, Path output) {
        return new PrepOptions(input, output, null, null, DEFAULT_EVENT_TYPE, null, Domain.CUSTOM);
    }

    /** {@code format} (null: detect it). */
    public PrepOptions withFormat(MovieLensFormat format) {
        return new PrepOptions(input, output, format, encoding, eventType, minRating, domain);
    }

    /** {@code encoding} (null: detect it). */
    public PrepOptions withEncoding(Charset encoding) {
        return new PrepOptions(input, output, format, encoding, eventType, minRating, domain);
    }

    public PrepOptions withEventType(String eventType) {
        return new PrepOptions(input, output, format, encoding, eventType, minRating, domain);
    }

    /** {@code minRating} (null: keep every rating). */
    public PrepOptions withMinRating(Double minRating) {
        return new PrepOptions(input, output, format, encoding, eventType, minRating, domain);
    }

    public PrepOptions withDomain(Domain domain) {
        return new PrepOptions(input, output, format, encoding, eventType, minRating, domain);
    }
}
