package com.movierec.local.deployer.deploy.resources;

import java.util.Optional;

/**
 * A resource operation that failed; the message is the reason CloudFormation shows. When the operation got as far as
 * a physical id (a custom resource whose onEvent answered before isComplete failed), it is kept so a rollback can
 * delete what was started.
 */
public final class ResourceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String physicalId;

    public ResourceFailure(String reason) {
        this(reason, null, null);
    }

    public ResourceFailure(String reason, String physicalId, Throwable cause) {
        super(reason, cause);
        this.physicalId = physicalId;
    }

    public Optional<String> physicalId() {
        return Optional.ofNullable(physicalId);
    }
}
