package com.movierec.local.deployer.deploy.waitcondition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.deployer.deploy.resources.PhysicalNames;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.ResourceHandler;
import com.movierec.local.deployer.deploy.resources.ResourceOutcome;
import com.movierec.local.deployer.deploy.resources.ResourceRequest;
import java.time.Duration;
import java.util.Map;

/**
 * {@code AWS::CloudFormation::WaitCondition}: completes when its handle has received Count SUCCESS signals, fails
 * with CloudFormation's message as soon as a FAILURE arrives (its Reason is the job's failureReason), or when Timeout
 * seconds pass. The {@code Data} attribute is CloudFormation's JSON object of UniqueId to Data. One local shortcut:
 * if the watcher that would signal stops with an error, the wait fails at once with that error, where AWS would wait
 * for the timeout (hours).
 */
public final class WaitConditionResource implements ResourceHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TIMEOUT_SECONDS = 43_200;

    private final SignalBoard board;

    public WaitConditionResource(SignalBoard board) {
        this.board = board;
    }

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        String url = request.text("Handle", null);
        if (url == null) {
            throw new ResourceFailure("WaitCondition " + request.logicalId() + " has no Handle");
        }
        int count = Integer.parseInt(request.text("Count", "1"));
        int timeoutSeconds = Integer.parseInt(request.text("Timeout", "0"));
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new ResourceFailure("WaitCondition " + request.logicalId() + ": Timeout must be 1 to 43200 seconds");
        }
        SignalBoard.Received received = await(url, count, Duration.ofSeconds(timeoutSeconds));
        received.failure().ifPresent(signal -> {
            throw new ResourceFailure("WaitCondition received failed message: '" + signal.reason()
                    + "' for uniqueId: " + signal.uniqueId());
        });
        received.watcherFailure().ifPresent(error -> {
            throw new ResourceFailure("the watcher that signals this WaitCondition stopped with an error, so no "
                    + "signal will come (in AWS the WaitCondition would time out after " + timeoutSeconds + " s): "
                    + error);
        });
        if (received.successes() < count) {
            throw new ResourceFailure("WaitCondition timed out. Received " + received.successes()
                    + " conditions when expecting " + count);
        }
        ObjectNode data = JSON.createObjectNode();
        received.signals().forEach(signal -> data.put(signal.uniqueId(), signal.data()));
        return new ResourceOutcome(PhysicalNames.generate(request.stack(), request.logicalId(), 255),
                Map.of("Data", data.toString()));
    }

    /** CloudFormation does not update a WaitCondition: a new wait needs a new one, so it keeps what it received. */
    @Override
    public ResourceOutcome update(ResourceRequest request) {
        return new ResourceOutcome(request.physicalId(), request.previous().attributes());
    }

    @Override
    public void delete(ResourceRequest request) {
        // Nothing to delete: the signals went with the handle.
    }

    private SignalBoard.Received await(String url, int count, Duration timeout) {
        try {
            return board.await(url, count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceFailure("interrupted while waiting for the WaitCondition's signal");
        }
    }
}
