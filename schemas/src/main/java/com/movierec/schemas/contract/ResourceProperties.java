package com.movierec.schemas.contract;

/**
 * Property names every {@link CustomResourceType} shares (docs/personalize-resources.md#tags): the {@code Tags}
 * property, a list of {@code {"Key": ..., "Value": ...}} as CloudFormation's own resources take tags. The client-side
 * half of the contract; personalize-local keeps its own copies on purpose ({@link com.movierec.schemas.contract}).
 */
public final class ResourceProperties {
    /** The optional tags of every type that {@link CustomResourceType#takesTags() takes tags}. */
    public static final String TAGS = "Tags";
    /** The key of one element of {@link #TAGS}. */
    public static final String TAG_KEY = "Key";
    /** The value of one element of {@link #TAGS}. */
    public static final String TAG_VALUE = "Value";

    private ResourceProperties() {
    }
}
