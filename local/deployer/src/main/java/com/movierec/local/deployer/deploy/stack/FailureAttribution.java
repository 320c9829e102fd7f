package com.movierec.local.deployer.deploy.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who to blame for a failed deploy. Usually the resource that failed; but a failed import or training reaches the
 * stack as a FAILURE signal to a WaitCondition, so the report names the job resource whose SignalUrl is that
 * WaitCondition's handle, with the watcher's reason (Personalize's failureReason), and says which WaitCondition got it.
 */
final class FailureAttribution {
    static final String WAIT_CONDITION = "AWS::CloudFormation::WaitCondition";
    private static final Pattern FAILED_SIGNAL =
            Pattern.compile("WaitCondition received failed message: '(.*)' for uniqueId: .*", Pattern.DOTALL);

    record Report(String logicalId, String type, String reason, String signalledTo) {
    }

    private FailureAttribution() {
    }

    static Report of(String logicalId, String type, String reason, JsonNode properties,
                     Collection<ResourceRecord> deployed) {
        Matcher signal = FAILED_SIGNAL.matcher(reason);
        if (type.equals(WAIT_CONDITION) && properties != null && signal.matches()) {
            String handle = properties.path("Handle").asText("");
            Optional<ResourceRecord> job = deployed.stream()
                    .filter(record -> !record.logicalId().equals(logicalId) && refersTo(record.properties(), handle))
                    .findFirst();
            if (job.isPresent()) {
                return new Report(job.get().logicalId(), job.get().type(), signal.group(1), logicalId);
            }
        }
        return new Report(logicalId, type, reason, null);
    }

    private static boolean refersTo(JsonNode properties, String handle) {
        if (handle.isEmpty()) {
            return false;
        }
        for (JsonNode value : properties) {
            if (value.isTextual() && value.asText().equals(handle)) {
                return true;
            }
        }
        return false;
    }
}
