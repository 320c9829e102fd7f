package com.movierec.lifecycle.testing;

import com.movierec.lifecycle.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that records each backoff instead of waiting. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }

    public List<Duration> sleeps() {
        return sleeps;
    }
}
