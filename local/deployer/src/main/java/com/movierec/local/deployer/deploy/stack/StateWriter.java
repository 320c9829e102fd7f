package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.state.OutputValue;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.state.StateStore;
import java.util.Map;

/**
 * Records a stack's state after every step, so an interrupted run leaves a state that says what exists, and a later
 * run updates or destroys exactly that.
 */
record StateWriter(String stackName, StateStore store) {

    StackState save(Map<String, ResourceRecord> resources, ResourceStatus status, Map<String, OutputValue> outputs) {
        StackState state = new StackState(stackName, status, resources, outputs);
        store.save(state);
        return state;
    }

    void remove() {
        store.remove(stackName);
    }
}
