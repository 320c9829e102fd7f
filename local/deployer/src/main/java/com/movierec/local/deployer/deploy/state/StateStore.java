package com.movierec.local.deployer.deploy.state;

import java.util.List;
import java.util.Optional;

/** Where deployed stacks are remembered between runs: a directory of JSON files, or memory for tests. */
public interface StateStore {
    Optional<StackState> load(String stackName);

    void save(StackState state);

    void remove(String stackName);

    /** Every stack deployed, for resolving Fn::ImportValue across stacks. */
    List<StackState> all();
}
