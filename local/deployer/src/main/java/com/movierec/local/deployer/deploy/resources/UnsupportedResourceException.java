package com.movierec.local.deployer.deploy.resources;

/** A resource type the local deployer has no implementation for; raised before anything is deployed. */
public final class UnsupportedResourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedResourceException(String message) {
        super(message);
    }
}
