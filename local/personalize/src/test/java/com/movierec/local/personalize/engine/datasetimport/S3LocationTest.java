package com.movierec.local.personalize.engine.datasetimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.engine.PersonalizeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3LocationTest {
    @Test
    void anS3UriIsAFileUnderTheBucketsFolder() {
        S3Location location = S3Location.parse("s3://my-bucket/prepared/ml-100k/interactions.csv");
        assertThat(location.bucket()).isEqualTo("my-bucket");
        assertThat(location.resolve(Path.of("/srv/s3")))
                .isEqualTo(Path.of("/srv/s3/my-bucket/prepared/ml-100k/interactions.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://my-bucket/x.csv", "s3://my-bucket", "s3://my-bucket/", "s3://B/x.csv", "x.csv"})
    void anythingElseIsInvalidInput(String uri) {
        assertThatThrownBy(() -> S3Location.parse(uri)).isInstanceOf(PersonalizeException.class)
                .hasMessageContaining("must be an S3 path");
    }

    @Test
    void aKeyCannotLeaveItsBucket() {
        S3Location escape = S3Location.parse("s3://my-bucket/../other-bucket/secret.csv");
        assertThatThrownBy(() -> escape.resolve(Path.of("/srv/s3"))).hasMessageContaining("leaves its bucket");
    }
}
