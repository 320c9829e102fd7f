package com.movierec.dataprep.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DownloadReleaseTest {
    @Test
    void namesMatchTheGroupLensFiles() {
        assertThat(MovieLensRelease.ML_100K.id()).isEqualTo("ml-100k");
        assertThat(MovieLensRelease.ML_100K.zipName()).isEqualTo("ml-100k.zip");
        assertThat(MovieLensRelease.ML_LATEST_SMALL.zipName()).isEqualTo("ml-latest-small.zip");
        assertThat(MovieLensRelease.ML_32M.zipName()).isEqualTo("ml-32m.zip");
    }

    @ParameterizedTest
    @EnumSource(MovieLensRelease.class)
    void fromIdFindsEveryRelease(MovieLensRelease release) {
        assertThat(MovieLensRelease.fromId(release.id())).isSameAs(release);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml-10m", "ML-100K", "ml-100k.zip", ""})
    void fromIdRejectsUnknownNamesWithASentenceListingTheValidOnes(String bad) {
        assertThatThrownBy(() -> MovieLensRelease.fromId(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown MovieLens release '" + bad
                        + "': choose one of ml-100k, ml-1m, ml-latest-small, ml-25m, ml-32m.");
    }

    @Test
    void fromIdRejectsNullWithTheSameSentence() {
        assertThatThrownBy(() -> MovieLensRelease.fromId(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown MovieLens release 'null': choose one of ml-100k");
    }
}
