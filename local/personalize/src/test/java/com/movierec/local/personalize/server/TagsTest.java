package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.engine.Delays;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Tag;

/** Create calls accept {@code tags}; TagResource, UntagResource and ListTagsForResource keep them by ARN. */
class TagsTest {
    @TempDir
    Path s3;

    private LocalPersonalize local;
    private PersonalizeClient personalize;

    @BeforeEach
    void start() {
        local = LocalPersonalize.start(s3, Delays.NONE);
        personalize = local.personalize;
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void aCreateWithTagsSucceedsAndKeepsThem() {
        String group = personalize.createDatasetGroup(r -> r.name("tagged").tags(
                tag("Project", "movierec"), tag("Environment", "dev"))).datasetGroupArn();

        assertThat(tags(group)).isEqualTo(Map.of("Project", "movierec", "Environment", "dev"));
        String filter = personalize.createFilter(r -> r.name("f").datasetGroupArn(group)
                .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"watch\")")
                .tags(tag("Project", "movierec"))).filterArn();
        assertThat(tags(filter)).isEqualTo(Map.of("Project", "movierec"));
    }

    @Test
    void tagResourceAndUntagResourceChangeThem() {
        String group = personalize.createDatasetGroup(r -> r.name("plain")).datasetGroupArn();
        assertThat(tags(group)).isEmpty();

        personalize.tagResource(r -> r.resourceArn(group).tags(tag("CostCenter", "a"), tag("Team", "recs")));
        personalize.tagResource(r -> r.resourceArn(group).tags(tag("CostCenter", "b")));
        personalize.untagResource(r -> r.resourceArn(group).tagKeys(List.of("Team")));

        assertThat(tags(group)).isEqualTo(Map.of("CostCenter", "b"));
    }

    private Map<String, String> tags(String arn) {
        return personalize.listTagsForResource(r -> r.resourceArn(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }
}
