package com.movierec.localmode.deploy.stack;

import com.movierec.localmode.deploy.ResourceStatus;
import com.movierec.localmode.deploy.state.OutputValue;
import com.movierec.localmode.deploy.state.ResourceRecord;
import com.movierec.localmode.deploy.state.StackState;
import com.movierec.localmode.deploy.state.StateStore;
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
