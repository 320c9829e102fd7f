package com.movierec.local.deployer.deploy.resources;

/** Finds the local implementation of a resource type, or says that there is none. */
@FunctionalInterface
public interface HandlerLookup {
    /** @throws UnsupportedResourceException when nothing can deploy {@code type} locally */
    ResourceHandler forType(String type);
}
