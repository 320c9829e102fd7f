package com.movierec.local.deployer.deploy.state;

import java.util.Optional;

/**
 * A stack output as deployed.
 *
 * @param exportName the name other stacks import it by, or null when it is not exported
 */
public record OutputValue(String value, String exportName) {

    public Optional<String> export() {
        return Optional.ofNullable(exportName);
    }
}
