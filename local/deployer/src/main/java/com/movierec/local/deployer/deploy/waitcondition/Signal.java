package com.movierec.local.deployer.deploy.waitcondition;

/** A WaitCondition signal: {@code {"Status": "SUCCESS"|"FAILURE", "UniqueId", "Reason", "Data"}}. */
public record Signal(String status, String uniqueId, String reason, String data) {
    public boolean isSuccess() {
        return "SUCCESS".equals(status);
    }
}
