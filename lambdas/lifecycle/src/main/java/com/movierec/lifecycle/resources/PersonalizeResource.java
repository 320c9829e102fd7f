package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.Completion;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.OnEventResult;

/** One custom resource type: what onEvent and isComplete do for it. */
public interface PersonalizeResource {
    OnEventResult onEvent(CustomResourceEvent event);

    Completion isComplete(CustomResourceEvent event);

    /** The resource's name for logs and failure messages; never fails, even when properties are missing. */
    String name(CustomResourceEvent event);
}
