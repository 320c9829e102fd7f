package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.state.OutputValue;
import com.movierec.local.deployer.deploy.state.StateStore;
import java.util.Optional;

/** The values stacks export, by export name: what {@code Fn::ImportValue} reads. */
@FunctionalInterface
public interface ExportLookup {
    Optional<String> value(String exportName);

    /** The exports of every stack in {@code store}. */
    static ExportLookup of(StateStore store) {
        return exportName -> store.all().stream()
                .flatMap(state -> state.outputs().values().stream())
                .filter(output -> output.export().filter(exportName::equals).isPresent())
                .map(OutputValue::value)
                .findFirst();
    }
}
