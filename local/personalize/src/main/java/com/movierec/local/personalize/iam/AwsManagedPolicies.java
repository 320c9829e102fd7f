package com.movierec.local.personalize.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of the few AWS managed policies our templates attach by ARN ({@code aws-managed-policies.json}, each
 * with the page it was taken from). A template's {@code arn:${AWS::Partition}:iam::aws:policy/...} resolves to the
 * {@code aws} partition's ARN here.
 */
public final class AwsManagedPolicies {
    private static final String RESOURCE = "aws-managed-policies.json";
    private static final Map<String, JsonNode> DOCUMENTS = load();

    private AwsManagedPolicies() {
    }

    public static Optional<JsonNode> document(String arn) {
        return Optional.ofNullable(DOCUMENTS.get(arn.replaceFirst("^arn:aws[a-z-]*:", "arn:aws:")));
    }

    public static boolean isAwsManaged(String arn) {
        return arn.matches("arn:aws[a-z-]*:iam::aws:policy/.+");
    }

    private static Map<String, JsonNode> load() {
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            for (JsonNode policy : new ObjectMapper().readTree(in).get("policies")) {
                documents.put(policy.get("arn").asText(), policy.get("document"));
            }
            return Map.copyOf(documents);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
