package com.movierec.local.deployer.deploy.assembly;

/** A cloud assembly that is missing, incomplete or lacks what the local deployer was asked to deploy. */
public final class AssemblyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AssemblyException(String message) {
        super(message);
    }

    public AssemblyException(String message, Throwable cause) {
        super(message, cause);
    }
}
