package com.movierec.local.deployer.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, where cdk.json is: from the build's movierec.repoRoot, else the working directory's parents. */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    public static Path find() {
        String configured = System.getProperty("movierec.repoRoot");
        if (configured != null && Files.isRegularFile(Path.of(configured, "cdk.json"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no cdk.json above " + Path.of("").toAbsolutePath()
                + ": run the tests from the repository");
    }
}
