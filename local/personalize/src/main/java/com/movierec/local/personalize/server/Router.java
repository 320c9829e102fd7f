package com.movierec.local.personalize.server;

import com.movierec.local.personalize.engine.Arns;
import com.movierec.local.personalize.engine.ErrorType;
import com.movierec.local.personalize.engine.PersonalizeEngine;
import com.movierec.local.personalize.engine.PersonalizeException;
import com.movierec.local.personalize.model.PersonalizeModels;
import com.movierec.local.personalize.server.admin.AdminApi;
import com.movierec.local.personalize.server.control.ControlPlane;
import com.movierec.local.personalize.server.runtime.EventsApi;
import com.movierec.local.personalize.server.runtime.RuntimeApi;
import com.movierec.local.personalize.server.auth.AuthFailure;
import com.movierec.local.personalize.server.auth.ReceivedRequest;
import com.movierec.local.personalize.server.auth.RequestAuthorizer;
import com.movierec.local.personalize.server.auth.RequiredPermissions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Sends each request to the API it belongs to: {@code /_local/*} admin, {@code POST /} with an
 * {@code X-Amz-Target} the control plane, {@code POST /recommendations} and {@code /personalize-ranking} the
 * runtime, {@code POST /events} the events API. With IAM enforced ({@link PersonalizeEngine#enforceIam}) the
 * request's SigV4 signature and IAM decide first; then every API request is checked against Personalize's service
 * model ({@link ModelValidation}). Engine errors become the protocol's error response; an armed throttle answers any API
 * request (not admin) with a throttling error.
 */
final class Router implements HttpHandler {
    private final PersonalizeEngine engine;
    private final ControlPlane controlPlane;
    private final RuntimeApi runtime;
    private final EventsApi events;
    private final AdminApi admin;
    private final RequiredPermissions permissions;
    private final ModelValidation validation;

    Router(PersonalizeEngine engine, PersonalizeModels models) {
        this.engine = engine;
        this.validation = new ModelValidation(models);
        this.controlPlane = new ControlPlane(engine);
        this.runtime = new RuntimeApi(engine.recommender());
        this.events = new EventsApi(engine.events());
        this.admin = new AdminApi(engine);
        this.permissions = new RequiredPermissions(new Arns(engine.settings().region(), engine.settings().accountId()),
                engine.eventTrackers());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(AdminApi.PREFIX)) {
                admin.handle(exchange, body);
                return;
            }
            Protocol protocol = path.equals("/") ? Protocol.AWS_JSON_1_1 : Protocol.REST_JSON;
            try {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    Responses.error(exchange, protocol, 405, "MethodNotAllowed", "personalize-local answers POST");
                } else if (!authorized(exchange, path, body, protocol)) {
                    return;
                } else if (engine.faults().takeThrottle()) {
                    Responses.error(exchange, protocol, ErrorType.THROTTLING, "Rate exceeded (injected fault)");
                } else {
                    validation.check(exchange, path, body);
                    route(exchange, path, body);
                }
            } catch (PersonalizeException e) {
                Responses.error(exchange, protocol, e.type(), e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                // A bug or a broken class path, not an answer Personalize would give: the client sees a 500 (rather
                // than a dropped connection it would retry), the console the trace.
                System.err.println("personalize-local: " + exchange.getRequestMethod() + " " + path + " failed");
                e.printStackTrace();
                Responses.error(exchange, protocol, 500, "ServiceException", "personalize-local failed: " + e);
            }
        }
    }

    /**
     * With IAM enforced, the signature (of the request as received) and the policies decide before the service does
     * (as AWS authorises before Personalize sees a request); a refusal is answered here. Without it every request
     * passes.
     */
    private boolean authorized(HttpExchange exchange, String path, byte[] body, Protocol protocol)
            throws IOException {
        RequestAuthorizer authorizer = engine.iam().map(iam -> new RequestAuthorizer(iam, permissions)).orElse(null);
        if (authorizer == null) {
            return true;
        }
        String operation = switch (path) {
            case "/" -> {
                String target = exchange.getRequestHeaders().getFirst(ControlPlane.TARGET_HEADER);
                yield target == null ? null : target.substring(target.indexOf('.') + 1);
            }
            case RuntimeApi.RECOMMENDATIONS -> "GetRecommendations";
            case RuntimeApi.RANKING -> "GetPersonalizedRanking";
            case EventsApi.EVENTS -> "PutEvents";
            default -> null;
        };
        if (operation == null) {
            return true;
        }
        try {
            ReceivedRequest received = new ReceivedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body);
            authorizer.authorize(received, operation, Json.parseOrNull(body), protocol == Protocol.REST_JSON);
            return true;
        } catch (AuthFailure e) {
            Responses.error(exchange, protocol, e.status(), e.type(), e.getMessage());
            return false;
        }
    }

    private void route(HttpExchange exchange, String path, byte[] body) throws IOException {
        switch (path) {
            case "/" -> controlPlane.handle(exchange, body);
            case RuntimeApi.RECOMMENDATIONS -> runtime.recommendations(exchange, body);
            case RuntimeApi.RANKING -> runtime.ranking(exchange, body);
            case EventsApi.EVENTS -> events.putEvents(exchange, body);
            default -> Responses.error(exchange, Protocol.REST_JSON, 404, "UnknownOperationException",
                    "personalize-local has no API at " + path);
        }
    }
}
