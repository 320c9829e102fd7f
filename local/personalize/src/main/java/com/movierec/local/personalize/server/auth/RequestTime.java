package com.movierec.local.personalize.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * When a request says it was signed: its {@code X-Amz-Date} (ISO 8601 basic, {@code 20240101T120000Z}) or, without
 * one, its {@code Date} (RFC 1123), which SigV4 signs in the basic form. AWS refuses a signature more than five
 * minutes from its own clock either way.
 */
record RequestTime(Instant instant) {
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    // the day of the week is left out: AWS's own test suite dates its requests "Mon, 09 Sep 2011", a Friday
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** Whether the request carries a date SigV4 can use. */
    static boolean present(ReceivedRequest request) {
        return request.header("X-Amz-Date").isPresent() || request.header("Date").isPresent();
    }

    /** @throws SignatureRefusal IncompleteSignatureException for a date in neither form */
    static RequestTime of(ReceivedRequest request) {
        Optional<String> amzDate = request.header("X-Amz-Date").map(String::strip);
        String value = amzDate.orElseGet(() -> request.header("Date").orElseThrow().strip());
        try {
            return new RequestTime(amzDate.isPresent() ? Instant.from(BASIC.parse(value))
                    : Instant.from(HTTP_DATE.parse(value.substring(value.indexOf(',') + 1).strip())));
        } catch (DateTimeParseException e) {
            throw new SignatureRefusal(SignatureRefusal.INCOMPLETE, "Date must be in ISO-8601 'basic format'. Got '"
                    + value + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /** The time as the string to sign has it: {@code 20240101T120000Z}. */
    String basic() {
        return BASIC.format(instant);
    }

    /** The credential scope's date: {@code 20240101}. */
    String day() {
        return basic().substring(0, 8);
    }

    /** @throws SignatureRefusal InvalidSignatureException, in AWS's words, when more than five minutes from now */
    void requireWithinFiveMinutesOf(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.SECONDS);
        if (instant.isBefore(current.minus(SKEW))) {
            throw new SignatureRefusal(SignatureRefusal.INVALID, "Signature expired: " + basic()
                    + " is now earlier than " + BASIC.format(current.minus(SKEW)) + " (" + BASIC.format(current)
                    + " - 5 min.)");
        }
        if (instant.isAfter(current.plus(SKEW))) {
            throw new SignatureRefusal(SignatureRefusal.INVALID, "Signature not yet current: " + basic()
                    + " is still later than " + BASIC.format(current.plus(SKEW)) + " (" + BASIC.format(current)
                    + " + 5 min.)");
        }
    }
}
