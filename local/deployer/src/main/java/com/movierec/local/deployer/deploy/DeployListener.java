package com.movierec.local.deployer.deploy;

/** Receives every lifecycle step of a local deploy or destroy as it happens. Called on the deploying thread. */
@FunctionalInterface
public interface DeployListener {
    DeployListener NONE = event -> {
    };

    void onEvent(StackEvent event);
}
