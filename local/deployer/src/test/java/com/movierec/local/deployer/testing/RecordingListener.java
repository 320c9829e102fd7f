package com.movierec.local.deployer.testing;

import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps every stack event, for assertions on what happened in which order. */
public final class RecordingListener implements DeployListener {
    private final List<StackEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(StackEvent event) {
        events.add(event);
    }

    public synchronized List<StackEvent> events() {
        return List.copyOf(events);
    }

    /** {@code "<logicalId> <status>"} of the resource events of one stack, in order. */
    public synchronized List<String> steps(String stackName) {
        return events.stream().filter(e -> e.stackName().equals(stackName) && !e.isStackEvent())
                .map(e -> e.logicalId() + " " + e.status()).toList();
    }

    /** The logical ids that reached {@code status} in one stack, in order. */
    public synchronized List<String> reached(String stackName, ResourceStatus status) {
        return events.stream().filter(e -> e.stackName().equals(stackName) && !e.isStackEvent()
                && e.status() == status).map(StackEvent::logicalId).toList();
    }

    /** The stack-level statuses of one stack, in order. */
    public synchronized List<ResourceStatus> stackStatuses(String stackName) {
        return events.stream().filter(e -> e.stackName().equals(stackName) && e.isStackEvent())
                .map(StackEvent::status).toList();
    }

    public synchronized void clear() {
        events.clear();
    }
}
