package com.movierec.dataprep.download;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the MD5 out of a GroupLens {@code <zip>.md5} file. GroupLens has used both the BSD form
 * ({@code MD5 (ml-100k.zip) = <hex>}) and the GNU form ({@code <HEX>  ml-32m.zip}), in either case; a bare hex
 * digest is accepted too.
 */
final class Md5Sidecar {
    private static final Pattern MD5 = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])");
    // A real sidecar is one short line; anything bigger is an error page, not a checksum.
    static final int MAX_LENGTH = 1024;

    private Md5Sidecar() {
    }

    /** The lower-case hex MD5 in {@code text}, or empty when the text holds none (or is too long to be a sidecar). */
    static Optional<String> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = MD5.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
