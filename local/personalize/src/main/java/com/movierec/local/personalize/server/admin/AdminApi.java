package com.movierec.local.personalize.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.Faults;
import com.movierec.local.personalize.engine.PersonalizeEngine;
import com.movierec.local.personalize.engine.PersonalizeException;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.server.Json;
import com.movierec.local.personalize.server.RequestFields;
import com.movierec.local.personalize.server.Responses;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;

/**
 * personalize-local's own API under {@code /_local/}, for tests and tools (no AWS equivalent):
 * <ul>
 *   <li>{@code GET /_local/health}: {@code {"status": "ok"}} once the server answers</li>
 *   <li>{@code GET /_local/state}: every resource with its type, name, ARN, status and failureReason, the armed
 *       faults and the delays</li>
 *   <li>{@code POST /_local/faults} {@code {"failNextImport": "reason", "failNextTraining": "reason",
 *       "throttleNext": 3}}: arms any of them; answers the armed faults</li>
 *   <li>{@code POST /_local/delays} {@code {"profile": "none|fast|realistic"}} or milliseconds per transition
 *       {@code {"createPendingMs", "createInProgressMs", "deletePendingMs", "deleteInProgressMs"}}</li>
 *   <li>{@code POST /_local/reset}: forgets every resource and fault</li>
 * </ul>
 */
public final class AdminApi {
    public static final String PREFIX = "/_local/";
    private static final String JSON = "application/json";

    private final PersonalizeEngine engine;

    public AdminApi(PersonalizeEngine engine) {
        this.engine = engine;
    }

    public void handle(HttpExchange exchange, byte[] body) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try {
            switch (route) {
                case "GET /_local/health" -> reply(exchange, Json.object().put("status", "ok"));
                case "GET /_local/state" -> reply(exchange, state());
                case "POST /_local/faults" -> reply(exchange, faults(new RequestFields(Json.parse(body))));
                case "POST /_local/delays" -> reply(exchange, delays(new RequestFields(Json.parse(body))));
                case "POST /_local/reset" -> {
                    engine.reset();
                    reply(exchange, Json.object());
                }
                default -> Responses.send(exchange, JSON, 404, Json.bytes(Json.object().put("message",
                        "no admin route " + route + "; see " + AdminApi.class.getName())));
            }
        } catch (IllegalArgumentException | PersonalizeException e) {
            Responses.send(exchange, JSON, 400, Json.bytes(Json.object().put("message", e.getMessage())));
        }
    }

    private ObjectNode state() {
        ObjectNode out = Json.object();
        ArrayNode resources = out.putArray("resources");
        for (Resource r : engine.resources()) {
            ObjectNode n = resources.addObject().put("type", r.kind()).put("name", r.name()).put("arn", r.arn())
                    .put("status", r.status());
            Json.put(n, "failureReason", r.progress().failureReason());
        }
        out.set("faults", armed(engine.faults()));
        out.set("delays", delays(engine.delays()));
        return out;
    }

    private ObjectNode faults(RequestFields request) {
        Faults faults = engine.faults();
        String importFailure = request.string("failNextImport");
        String trainingFailure = request.string("failNextTraining");
        Integer throttle = request.integer("throttleNext");
        if (importFailure != null) {
            faults.failNextImport(importFailure);
        }
        if (trainingFailure != null) {
            faults.failNextTraining(trainingFailure);
        }
        if (throttle != null) {
            faults.throttleNext(throttle);
        }
        return armed(faults);
    }

    private ObjectNode delays(RequestFields request) {
        String profile = request.string("profile");
        Delays current = engine.delays();
        Delays next = profile != null ? Delays.named(profile) : new Delays(
                millis(request, "createPendingMs", current.createPending()),
                millis(request, "createInProgressMs", current.createInProgress()),
                millis(request, "deletePendingMs", current.deletePending()),
                millis(request, "deleteInProgressMs", current.deleteInProgress()));
        engine.delays(next);
        return delays(next);
    }

    private static Duration millis(RequestFields request, String field, Duration otherwise) {
        Integer ms = request.integer(field);
        return ms == null ? otherwise : Duration.ofMillis(ms);
    }

    private static ObjectNode armed(Faults faults) {
        return Json.MAPPER.valueToTree(faults.armed());
    }

    private static ObjectNode delays(Delays d) {
        return Json.object().put("createPendingMs", d.createPending().toMillis())
                .put("createInProgressMs", d.createInProgress().toMillis())
                .put("deletePendingMs", d.deletePending().toMillis())
                .put("deleteInProgressMs", d.deleteInProgress().toMillis());
    }

    private static void reply(HttpExchange exchange, ObjectNode body) throws IOException {
        Responses.send(exchange, JSON, 200, Json.bytes(body));
    }
}
