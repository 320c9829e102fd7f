package com.movierec.dataprep;

import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.schemas.Domain;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to prepare and how. Build with {@link #builder(Path, Path)}; validation happens in {@link Builder#build()} so
 * a bad option fails before any file is read.
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
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(domain, "domain");
    }

    public static Builder builder(Path input, Path output) {
        return new Builder(input, output);
    }

    /** Builder with the defaults: detect the format and encoding, EVENT_TYPE Watch, every rating, custom domain. */
    public static final class Builder {
        private final Path input;
        private final Path output;
        private MovieLensFormat format;
        private Charset encoding;
        private String eventType = DEFAULT_EVENT_TYPE;
        private Double minRating;
        private Domain domain = Domain.CUSTOM;

        private Builder(Path input, Path output) {
            this.input = input;
            this.output = output;
        }

        public Builder format(MovieLensFormat format) {
            this.format = format;
            return this;
        }

        public Builder encoding(Charset encoding) {
            this.encoding = encoding;
            return this;
        }

        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        public Builder minRating(Double minRating) {
            this.minRating = minRating;
            return this;
        }

        public Builder domain(Domain domain) {
            this.domain = domain;
            return this;
        }

        public PrepOptions build() {
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
            return new PrepOptions(input, output, format, encoding, eventType, minRating, domain);
        }
    }
}
