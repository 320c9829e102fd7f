package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.PersonalizeEngine;
import com.movierec.local.personalize.server.Json;
import com.movierec.local.personalize.server.Protocol;
import com.movierec.local.personalize.server.RequestFields;
import com.movierec.local.personalize.server.Responses;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The Personalize control plane over AWS JSON 1.1: {@code POST /} with {@code X-Amz-Target:
 * AmazonPersonalize.<Operation>} and a JSON body. Engine errors are written by the caller.
 */
public final class ControlPlane {
    public static final String TARGET_HEADER = "X-Amz-Target";
    private static final String TARGET_PREFIX = "AmazonPersonalize.";

    /** The Create calls whose {@code tags} Personalize keeps (CreateSchema takes none). */
    private static final Set<String> TAGGED_CREATES = Set.of("CreateDatasetGroup", "CreateDataset",
            "CreateDatasetImportJob", "CreateSolution", "CreateSolutionVersion", "CreateCampaign",
            "CreateEventTracker", "CreateFilter", "CreateBatchInferenceJob");

    private final OperationTable table = new OperationTable();
    private final TagOperations tags;

    public ControlPlane(PersonalizeEngine engine) {
        SchemaOperations.register(table, engine.schemas());
        DatasetGroupOperations.register(table, engine.datasetGroups());
        DatasetOperations.register(table, engine.datasets(), engine.eventTrackers());
        ImportJobOperations.register(table, engine.importJobs());
        SolutionOperations.register(table, engine.solutions());
        SolutionVersionOperations.register(table, engine.solutionVersions());
        CampaignOperations.register(table, engine.campaigns());
        EventTrackerOperations.register(table, engine.eventTrackers(), engine.settings().accountId());
        FilterOperations.register(table, engine.filters());
        RecipeOperations.register(table, engine.recipes());
        BatchInferenceJobOperations.register(table, engine.batchInferenceJobs());
        tags = TagOperations.register(table);
    }

    /** The operation names served, e.g. {@code CreateSchema}. */
    public Set<String> operations() {
        return table.names();
    }

    public void handle(HttpExchange exchange, byte[] body) throws IOException {
        String target = exchange.getRequestHeaders().getFirst(TARGET_HEADER);
        Optional<Operation> operation = target != null && target.startsWith(TARGET_PREFIX)
                ? table.find(target.substring(TARGET_PREFIX.length()))
                : Optional.empty();
        if (operation.isEmpty()) {
            Responses.error(exchange, Protocol.AWS_JSON_1_1, 400, "UnknownOperationException",
                    "personalize-local does not implement " + target + "; it implements " + table.names());
            return;
        }
        RequestFields request = new RequestFields(Json.parse(body));
        JsonNode response = operation.get().handle(request);
        if (TAGGED_CREATES.contains(target.substring(TARGET_PREFIX.length()))) {
            tags.created(request, response);
        }
        Responses.json(exchange, Protocol.AWS_JSON_1_1, 200, response);
    }
}
