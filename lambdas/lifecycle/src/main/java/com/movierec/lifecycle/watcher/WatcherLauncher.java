package com.movierec.lifecycle.watcher;

/** Starts watching a job: the Step Functions state machine in AWS, whatever the local deployer chooses locally. */
@FunctionalInterface
public interface WatcherLauncher {
    void launch(String stateMachineArn, WatcherInput input);
}
