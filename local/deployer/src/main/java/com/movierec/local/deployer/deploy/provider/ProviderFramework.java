package com.movierec.local.deployer.deploy.provider;

import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.ResourceHandler;
import com.movierec.local.deployer.deploy.resources.ResourceOutcome;
import com.movierec.local.deployer.deploy.resources.ResourceRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * CDK's custom-resource Provider framework, run in-process: it calls onEvent with CloudFormation's event (properties
 * stringified, the ResponseURL hidden as the framework hides it), then isComplete with onEvent's answer laid over the
 * event, right away and then every poll interval until it answers IsComplete or the total timeout passes. Data from
 * both is merged into the attributes. A thrown error fails the resource with its message as the reason; a Create
 * whose onEvent failed gets the framework's marker as physical id, and the Delete a rollback sends for it is ignored,
 * as the framework does.
 */
public final class ProviderFramework implements ResourceHandler {
    /** The physical id CDK's framework reports for a failed Create, so the rollback's Delete does nothing. */
    public static final String CREATE_FAILED_MARKER = "AWSCDK::CustomResourceProviderFramework::CREATE_FAILED";
    private static final String SERVICE_TOKEN = "ServiceToken";

    /**
     * How often isComplete is polled and for how long.
     *
     * @param interval the framework's queryInterval (30 s in the stacks; shorter locally)
     * @param timeout  the framework's totalTimeout (1 h in the stacks)
     */
    public record Polling(Duration interval, Duration timeout) {
    }

    private final UnaryOperator<Map<String, Object>> onEvent;
    private final UnaryOperator<Map<String, Object>> isComplete;
    private final Polling polling;

    public ProviderFramework(UnaryOperator<Map<String, Object>> onEvent, UnaryOperator<Map<String, Object>> isComplete,
                             Polling polling) {
        this.onEvent = onEvent;
        this.isComplete = isComplete;
        this.polling = polling;
    }

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        return run(event("Create", request));
    }

    @Override
    public ResourceOutcome update(ResourceRequest request) {
        String oldToken = request.previous().properties().path(SERVICE_TOKEN).asText(null);
        String newToken = request.properties().path(SERVICE_TOKEN).asText(null);
        if (!Objects.equals(oldToken, newToken)) {
            throw new ResourceFailure("Modifying service token is not allowed.");
        }
        return run(event("Update", request));
    }

    @Override
    public void delete(ResourceRequest request) {
        if (!CREATE_FAILED_MARKER.equals(request.physicalId())) {
            run(event("Delete", request));
        }
    }

    private ResourceOutcome run(Map<String, Object> event) {
        String requestType = (String) event.get("RequestType");
        Map<String, Object> onEventAnswer;
        try {
            onEventAnswer = onEvent.apply(event);
        } catch (RuntimeException e) {
            throw new ResourceFailure(reason(e), requestType.equals("Create") ? CREATE_FAILED_MARKER : null, e);
        }
        onEventAnswer = onEventAnswer == null ? Map.of() : onEventAnswer;
        String physicalId = physicalId(event, onEventAnswer);
        Map<String, Object> completeRequest = new LinkedHashMap<>(event);
        completeRequest.putAll(onEventAnswer);
        completeRequest.put("PhysicalResourceId", physicalId);
        return poll(completeRequest, physicalId, data(onEventAnswer));
    }

    private ResourceOutcome poll(Map<String, Object> request, String physicalId, Map<String, Object> onEventData) {
        long deadline = System.nanoTime() + polling.timeout().toNanos();
        while (true) {
            Map<String, Object> answer;
            try {
                answer = isComplete.apply(request);
            } catch (RuntimeException e) {
                throw new ResourceFailure(reason(e), physicalId, e);
            }
            if (Boolean.TRUE.equals(answer.get("IsComplete"))) {
                Map<String, Object> data = new LinkedHashMap<>(onEventData);
                data.putAll(data(answer));
                Map<String, String> attributes = new LinkedHashMap<>();
                data.forEach((key, value) -> attributes.put(key, String.valueOf(value)));
                return new ResourceOutcome(physicalId, attributes);
            }
            if (!data(answer).isEmpty()) {
                throw new ResourceFailure("\"Data\" is not allowed if \"IsComplete\" is \"False\"", physicalId, null);
            }
            if (System.nanoTime() > deadline) {
                throw new ResourceFailure("Operation timed out", physicalId, null);
            }
            sleep(physicalId);
        }
    }

    /** The framework's defaults: a Create without an id gets the RequestId; Update and Delete keep theirs. */
    private static String physicalId(Map<String, Object> event, Map<String, Object> answer) {
        Object answered = answer.get("PhysicalResourceId");
        String requestType = (String) event.get("RequestType");
        String id = answered != null ? answered.toString()
                : requestType.equals("Create") ? (String) event.get("RequestId")
                : (String) event.get("PhysicalResourceId");
        if (requestType.equals("Delete") && !id.equals(event.get("PhysicalResourceId"))) {
            throw new ResourceFailure("DELETE: cannot change the physical resource ID from \""
                    + event.get("PhysicalResourceId") + "\" to \"" + id + "\" during deletion");
        }
        return id;
    }

    private static Map<String, Object> event(String requestType, ResourceRequest request) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("RequestType", requestType);
        event.put(SERVICE_TOKEN, request.properties().path(SERVICE_TOKEN).asText(""));
        // The framework passes "..." instead of CloudFormation's presigned ResponseURL to the user functions.
        event.put("ResponseURL", "...");
        event.put("StackId", request.stack().stackId());
        event.put("RequestId", UUID.randomUUID().toString());
        event.put("LogicalResourceId", request.logicalId());
        event.put("ResourceType", request.type());
        event.put("ResourceProperties", CloudFormationValues.stringify(request.properties()));
        if (requestType.equals("Update")) {
            event.put("OldResourceProperties", CloudFormationValues.stringify(request.previous().properties()));
        }
        if (!requestType.equals("Create")) {
            event.put("PhysicalResourceId", request.physicalId());
        }
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> answer) {
        Object data = answer.get("Data");
        return data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }

    private void sleep(String physicalId) {
        try {
            Thread.sleep(polling.interval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceFailure("interrupted while waiting for isComplete", physicalId, e);
        }
    }
}
