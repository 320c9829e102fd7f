package com.movierec.lifecycle.resources;

import static com.movierec.schemas.contract.ResourceProperties.TAGS;
import static com.movierec.schemas.contract.ResourceProperties.TAG_KEY;
import static com.movierec.schemas.contract.ResourceProperties.TAG_VALUE;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.personalize.model.Tag;

/**
 * The optional {@code Tags} property: a list of {@code {"Key": ..., "Value": ...}}, as CloudFormation's own
 * resources take them (docs/personalize-resources.md). Absent or empty means no tags. A change of Tags never
 * replaces a resource: {@link LifecycleResource} applies it with TagResource/UntagResource.
 */
public final class ResourceTags {
    private ResourceTags() {
    }

    /** The tags by key, in the order given; empty when the property is absent. */
    public static Map<String, String> of(CustomResourceType type, Properties properties) {
        Object value = properties.asMap().get(TAGS);
        Map<String, String> tags = new LinkedHashMap<>();
        if (value == null || value instanceof String text && text.isBlank()) {
            return tags;
        }
        if (!(value instanceof List<?> list)) {
            throw Failure.property(type, TAGS, "must be a list of {\"Key\": ..., \"Value\": ...}");
        }
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> tag) || !(tag.get(TAG_KEY) instanceof String key) || key.isBlank()
                    || tag.get(TAG_VALUE) == null || tag.get(TAG_VALUE) instanceof Map
                    || tag.get(TAG_VALUE) instanceof List) {
                throw Failure.property(type, TAGS, "must be a list of {\"Key\": ..., \"Value\": ...} with a "
                        + "non-blank string Key and a string Value, not " + element);
            }
            if (tags.put(key, tag.get(TAG_VALUE).toString()) != null) {
                throw Failure.property(type, TAGS, "has the key '" + key + "' twice");
            }
        }
        return tags;
    }

    /** The tags for a Create request; null (so the request carries no tags) when there are none. */
    public static List<Tag> forCreate(CustomResourceType type, Properties properties) {
        Map<String, String> tags = of(type, properties);
        return tags.isEmpty() ? null : sdkTags(tags);
    }

    static List<Tag> sdkTags(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>(tags.size());
        tags.forEach((key, value) -> out.add(Tag.builder().tagKey(key).tagValue(value).build()));
        return out;
    }
}
