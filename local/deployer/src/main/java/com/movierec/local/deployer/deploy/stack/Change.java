package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.state.ResourceRecord;

/** One change a deploy made to a stack, remembered so a rollback can undo it. */
sealed interface Change permits Change.Created, Change.UpdatedInPlace, Change.Replaced {
    String logicalId();

    /** A resource that did not exist: undone by deleting it. */
    record Created(ResourceRecord record) implements Change {
        @Override
        public String logicalId() {
            return record.logicalId();
        }
    }

    /** A resource changed under the same physical id: undone by updating it back to {@code before}'s properties. */
    record UpdatedInPlace(ResourceRecord before, ResourceRecord after) implements Change {
        @Override
        public String logicalId() {
            return before.logicalId();
        }
    }

    /** A new physical resource replaced {@code before}, which still exists: undone by deleting {@code after}. */
    record Replaced(ResourceRecord before, ResourceRecord after) implements Change {
        @Override
        public String logicalId() {
            return before.logicalId();
        }
    }
}
