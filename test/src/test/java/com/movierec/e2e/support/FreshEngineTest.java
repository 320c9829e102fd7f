package com.movierec.e2e.support;

import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.testing.LocalEngine;
import com.movierec.local.deployer.testing.RecordingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh personalize-local for each test (its admin API at hand), a deployer and a listener recording the stack
 * events: what every fault test starts from. A subclass's own {@code @BeforeEach} runs after this one's.
 */
public abstract class FreshEngineTest {
    @TempDir
    protected Path tmp;
    protected LocalEngine engine;
    protected EngineAdmin admin;
    protected final RecordingListener listener = new RecordingListener();
    protected final LocalDeployer deployer = new LocalDeployer();

    @BeforeEach
    void startEngine() {
        engine = LocalEngine.start(tmp.resolve("s3"));
        admin = new EngineAdmin(engine.server.endpoint());
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }
}
