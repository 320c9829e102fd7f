package com.movierec.dataprep.convert;

import com.movierec.dataprep.PrepException;
import com.movierec.dataprep.input.InputSource;
import com.movierec.dataprep.text.Bytes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Opens one MovieLens file after the checks that turn unreadable input into one clear sentence. */
final class SourceFile {
    private static final int SNIFF_BYTES = 8192;
    private static final long MAX_SNIFF_WHOLE_FILE = 64L << 20;

    private SourceFile() {
    }

    /**
     * Opens {@code file}, failing with a sentence when it is missing, empty, UTF-16 or binary. The stream is
     * positioned at the start of the file.
     */
    static InputStream open(InputSource source, String file, String formatId) throws IOException {
        if (!source.has(file)) {
            throw new PrepException(source.location(file) + " is missing, but " + formatId + " input needs it; point --input at a complete MovieLens release.");
        }
        InputStream in = new BufferedInputStream(source.open(file), 1 << 16);
        try {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            if (head.length == 0) {
                throw new PrepException(source.location(file) + " is empty; restore it from the original MovieLens download.");
            }
            if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
                throw new PrepException(source.location(file) + " is UTF-16 encoded; MovieLens files are UTF-8 or ISO-8859-1, so save it as UTF-8 and run again.");
            }
            if (looksLikeUtf16WithoutBom(head)) {
                throw new PrepException(source.location(file) + " is UTF-16 encoded (without a byte order mark); MovieLens files are UTF-8 or ISO-8859-1, so save it as UTF-8 and run again.");
            }
            for (byte b : head) {
                if (b == 0) {
                    throw new PrepException(source.location(file) + " is not a text file (it contains NUL bytes); point --input at the MovieLens files themselves.");
                }
            }
            return in;
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Text saved as UTF-16 without a byte order mark has a NUL in every other byte (the high byte of each ASCII
     * character), and none in the bytes between; binary data has NULs anywhere or nowhere.
     */
    private static boolean looksLikeUtf16WithoutBom(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 2) {
            return false;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            if (head[i] == 0) {
                evenZeros++;
            }
            if (head[i + 1] == 0) {
                oddZeros++;
            }
        }
        return (evenZeros * 10 >= pairs * 3 && oddZeros == 0) || (oddZeros * 10 >= pairs * 3 && evenZeros == 0);
    }

    /**
     * The encoding to read a Latin-1 era file in: the forced one if given, else UTF-8 when the whole file is valid
     * UTF-8 with some non-ASCII text (someone re-saved it), else the format's own encoding.
     */
    static Charset charset(InputSource source, String file, Charset formatCharset, Charset forced) throws IOException {
        if (forced != null) {
            return forced;
        }
        if (formatCharset.equals(StandardCharsets.UTF_8) || !source.has(file) || source.size(file) > MAX_SNIFF_WHOLE_FILE) {
            return formatCharset;
        }
        byte[] all;
        try (InputStream in = source.open(file)) {
            all = in.readAllBytes();
        }
        boolean ascii = Bytes.isAscii(all, 0, all.length);
        return !ascii && Bytes.isValidUtf8(all, 0, all.length) ? StandardCharsets.UTF_8 : formatCharset;
    }
}
