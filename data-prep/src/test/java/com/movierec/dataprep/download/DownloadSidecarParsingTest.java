package com.movierec.dataprep.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownloadSidecarParsingTest {
    private static final String MD5 = "0e33842e24a9c977be4e0107933c0723";

    @ParameterizedTest
    @ValueSource(strings = {
        "MD5 (ml-100k.zip) = 0e33842e24a9c977be4e0107933c0723\n",
        "0E33842E24A9C977BE4E0107933C0723  ml-100k.zip\n",
        "0e33842e24a9c977be4e0107933c0723 *ml-100k.zip\r\n",
        "0e33842e24a9c977be4e0107933c0723",
    })
    void readsEveryFormGroupLensUses(String sidecar) {
        assertThat(Md5Sidecar.parse(sidecar)).contains(MD5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html><body>Not Found</body></html>", "0e33842e24a9c977be4e0107933c07",
        "0e33842e24a9c977be4e0107933c0723ff  ml-100k.zip"})
    void findsNothingInTextWithoutAnMd5(String text) {
        assertThat(Md5Sidecar.parse(text)).isEmpty();
    }

    @Test
    void ignoresAnswersTooLongToBeASidecar() {
        String page = "<html>" + "x".repeat(Md5Sidecar.MAX_LENGTH) + MD5 + "</html>";

        assertThat(Md5Sidecar.parse(page)).isEmpty();
    }
}
