package com.movierec.lifecycle.core;

/** The little ARN handling the lifecycle needs. */
public final class Arns {
    private Arns() {
    }

    /** False for the RequestId-style physical id the Provider framework leaves when a Create failed early. */
    public static boolean isArn(String value) {
        return value != null && value.startsWith("arn:") && value.split(":", 6).length == 6;
    }

    /** {@code arn:aws:personalize:r:a:solution/name/id} gives {@code name/id}: the part after the resource type. */
    public static String resourceName(String arn) {
        String resource = arn.split(":", 6)[5];
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(slash + 1);
    }
}
