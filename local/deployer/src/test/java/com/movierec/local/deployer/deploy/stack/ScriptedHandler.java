package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.ResourceHandler;
import com.movierec.local.deployer.deploy.resources.ResourceOutcome;
import com.movierec.local.deployer.deploy.resources.ResourceRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource provider for {@code Test::Thing} that records every call. Its physical id is {@code phys-<Name>} and
 * its {@code Arn} attribute {@code arn:<Name>}, so changing Name replaces it and any other change is in place. It
 * can be told to fail an operation on a logical id, optionally after getting as far as a physical id.
 */
final class ScriptedHandler implements ResourceHandler {
    final List<String> calls = new ArrayList<>();
    private final Map<String, ResourceFailure> failures = new HashMap<>();

    void failOn(String operation, String logicalId, ResourceFailure failure) {
        failures.put(operation + " " + logicalId, failure);
    }

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        calls.add("create " + request.logicalId());
        fail("create", request);
        return outcome(request);
    }

    @Override
    public ResourceOutcome update(ResourceRequest request) {
        calls.add("update " + request.logicalId() + " " + request.properties());
        fail("update", request);
        return outcome(request);
    }

    @Override
    public void delete(ResourceRequest request) {
        calls.add("delete " + request.logicalId() + " " + request.physicalId());
        fail("delete", request);
    }

    private void fail(String operation, ResourceRequest request) {
        ResourceFailure failure = failures.remove(operation + " " + request.logicalId());
        if (failure != null) {
            throw failure;
        }
    }

    private static ResourceOutcome outcome(ResourceRequest request) {
        String name = request.text("Name", request.logicalId());
        return new ResourceOutcome("phys-" + name, Map.of("Arn", "arn:" + name));
    }
}
