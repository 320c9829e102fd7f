package com.movierec.dataprep.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DownloadCacheDirTest {
    private static final String HOME = "/home/ana";

    @Test
    void explicitVariableWins() {
        Map<String, String> env = Map.of("MOVIEREC_CACHE_DIR", "/data/cache", "XDG_CACHE_HOME", "/xdg");

        assertThat(MovieLensDownloader.defaultCacheDir(env::get, HOME)).isEqualTo(Path.of("/data/cache"));
    }

    @Test
    void xdgCacheHomeIsUsedNext() {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", "/xdg");

        assertThat(MovieLensDownloader.defaultCacheDir(env::get, HOME)).isEqualTo(Path.of("/xdg/movierec/movielens"));
    }

    @Test
    void homeCacheIsTheFallback() {
        assertThat(MovieLensDownloader.defaultCacheDir(name -> null, HOME))
                .isEqualTo(Path.of("/home/ana/.cache/movierec/movielens"));
    }

    @Test
    void blankOrRelativeValuesAreIgnored() {
        Map<String, String> env = Map.of("MOVIEREC_CACHE_DIR", " ", "XDG_CACHE_HOME", "relative/cache");

        assertThat(MovieLensDownloader.defaultCacheDir(env::get, HOME))
                .isEqualTo(Path.of("/home/ana/.cache/movierec/movielens"));
    }

    @Test
    void realEnvironmentGivesAnAbsoluteOrExplicitPath() {
        assertThat(MovieLensDownloader.defaultCacheDir()).isNotNull();
    }
}
