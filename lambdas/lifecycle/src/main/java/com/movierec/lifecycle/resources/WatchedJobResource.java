package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.Completion;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.watcher.WatcherInput;
import com.movierec.lifecycle.watcher.WatcherKind;
import com.movierec.lifecycle.watcher.WatcherLauncher;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Map;
import java.util.Set;

/**
 * A job that can outlive a custom resource (an import, a training): onEvent starts it and hands it to the watcher,
 * which signals the WaitCondition everything downstream depends on; isComplete answers at once. Changing only the
 * watcher settings keeps the job; a new SignalUrl (a new WaitCondition) or state machine gets a new watcher.
 */
public abstract class WatchedJobResource extends LifecycleResource {
    private final WatcherKind kind;
    private final WatcherLauncher watchers;

    protected WatchedJobResource(CustomResourceType type, WatcherKind kind, Retry retry,
                                 WatcherLauncher watchers) {
        super(type, retry);
        this.kind = kind;
        this.watchers = watchers;
    }

    /** Starts the job and answers its ARN. */
    protected abstract String startJob(CustomResourceEvent event);

    @Override
    protected final Set<String> inPlaceProperties() {
        return WatchSettings.PROPERTIES;
    }

    @Override
    protected final String create(CustomResourceEvent event) {
        WatchSettings settings = WatchSettings.from(type, event.properties());
        String arn = startJob(event);
        watch(event, arn, settings);
        return arn;
    }

    @Override
    protected final void update(CustomResourceEvent event, String arn) {
        Set<String> changed = event.changedProperties();
        if (changed.contains(WatchSettings.SIGNAL_URL) || changed.contains(WatchSettings.STATE_MACHINE)) {
            watch(event, arn, WatchSettings.from(type, event.properties()));
        } else {
            super.update(event, arn);
        }
    }

    @Override
    protected final Completion awaitCreated(CustomResourceEvent event, String arn) {
        return Completion.withArn(arn);
    }

    @Override
    protected final Completion awaitDeleted(CustomResourceEvent event, String arn) {
        return Completion.done(Map.of());
    }

    private void watch(CustomResourceEvent event, String arn, WatchSettings settings) {
        watchers.launch(settings.stateMachineArn(), new WatcherInput(kind, arn, jobName(event, arn),
                settings.signalUrl(), settings.pollSeconds()));
    }

    /** The name the watcher reports in the WaitCondition's reason. */
    protected abstract String jobName(CustomResourceEvent event, String arn);
}
