package com.movierec.local.personalize.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.Arns;
import com.movierec.local.personalize.engine.EventTrackers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What IAM authorises a Personalize request on: for each operation, the ARN of every resource type the Service
 * Authorization Reference lists for its action (a Create's new resource, the group or solution it belongs to), and
 * {@code iam:PassRole} on a role the request hands to Personalize. Which actions take no resource type (PutEvents,
 * the List calls) is the simulator's to know: it evaluates those on {@code "*"} whatever is named here.
 */
public final class RequiredPermissions {
    private static final String PERSONALIZE_SERVICE = "personalize.amazonaws.com";

    private final Arns arns;
    private final EventTrackers trackers;

    public RequiredPermissions(Arns arns, EventTrackers trackers) {
        this.arns = arns;
        this.trackers = trackers;
    }

    /** The permissions a request needs; members missing from the body are left for validation to refuse. */
    public List<Permission> of(String operation, JsonNode body) {
        String action = "personalize:" + operation;
        List<Permission> needed = new ArrayList<>();
        for (String resource : resources(operation, body)) {
            if (resource != null && !resource.isBlank()) {
                needed.add(Permission.of(action, resource));
            }
        }
        String role = text(body, "roleArn");
        if (role != null && operation.startsWith("Create")) {
            needed.add(new Permission("iam:PassRole", role, Map.of("iam:PassedToService", PERSONALIZE_SERVICE)));
        }
        return needed;
    }

    private List<String> resources(String operation, JsonNode body) {
        String name = text(body, "name");
        return switch (operation) {
            case "CreateSchema" -> List.of(named(name, arns::schema));
            case "CreateDatasetGroup" -> List.of(named(name, arns::datasetGroup));
            case "CreateDataset" -> {
                String group = text(body, "datasetGroupArn");
                String type = text(body, "datasetType");
                yield list(group == null || type == null ? null
                        : arns.dataset(lastPart(group), type.toUpperCase(Locale.ROOT)), group);
            }
            case "CreateDatasetImportJob" -> list(text(body, "datasetArn"), named(text(body, "jobName"),
                    arns::importJob));
            case "CreateSolution" -> list(named(name, arns::solution), text(body, "datasetGroupArn"));
            case "CreateBatchInferenceJob" -> list(named(text(body, "jobName"), arns::batchInferenceJob),
                    text(body, "solutionVersionArn"));
            case "CreateCampaign" -> list(named(name, arns::campaign), text(body, "solutionVersionArn"));
            case "CreateEventTracker" -> list(named(name, trackers::nextArn), text(body, "datasetGroupArn"));
            case "CreateFilter" -> list(named(name, arns::filter), text(body, "datasetGroupArn"));
            case "GetRecommendations", "GetPersonalizedRanking", "UpdateCampaign" -> list(text(body, "campaignArn"));
            case "PutEvents" -> List.of("*");
            case "TagResource", "UntagResource", "ListTagsForResource" -> list(text(body, "resourceArn"));
            case "GetSolutionMetrics", "StopSolutionVersionCreation" -> list(text(body, "solutionVersionArn"));
            default -> operation.startsWith("List") ? List.of("*") : list(targetArn(operation, body));
        };
    }

    /** Describe, Delete and Update name their resource in {@code <resource>Arn}: describeSchema takes schemaArn. */
    private static String targetArn(String operation, JsonNode body) {
        String resource = operation.replaceFirst("^(Describe|Delete|Update|CreateSolutionVersion)", "");
        if (operation.equals("CreateSolutionVersion")) {
            resource = "Solution";
        }
        if (resource.isEmpty()) {
            return null;
        }
        return text(body, Character.toLowerCase(resource.charAt(0)) + resource.substring(1) + "Arn");
    }

    private static String named(String name, java.util.function.Function<String, String> arn) {
        return name == null ? null : arn.apply(name);
    }

    private static List<String> list(String... resources) {
        List<String> list = new ArrayList<>();
        for (String resource : resources) {
            if (resource != null) {
                list.add(resource);
            }
        }
        return list;
    }

    private static String lastPart(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
