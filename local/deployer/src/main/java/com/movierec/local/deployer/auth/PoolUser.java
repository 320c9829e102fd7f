package com.movierec.local.deployer.auth;

import java.util.Map;
import java.util.Optional;

/**
 * A user of a local user pool: the username, the immutable {@code sub} Cognito gives every user, and the attributes
 * (standard ones such as {@code email}, custom ones as {@code custom:<name>}). The password is kept only as a salted
 * hash inside the pool.
 */
public record PoolUser(String username, String sub, Map<String, String> attributes) {
    public PoolUser {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
