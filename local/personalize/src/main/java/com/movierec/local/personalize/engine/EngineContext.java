package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.datasetimport.DatasetImporter;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.engine.transitions.Transitions;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.engine.state.ResourceStore;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the operation classes of one engine share. */
final class EngineContext {
    final EngineSettings settings;
    final Arns arns;
    final ResourceStore store = new ResourceStore();
    final Faults faults = new Faults();
    final Transitions transitions;
    final DatasetImporter importer;
    /** IAM, once local mode enforces it; null: every call is allowed (personalize-local on its own). */
    volatile Authorizer authorizer;

    EngineContext(EngineSettings settings) {
        this.settings = settings;
        this.arns = new Arns(settings.region(), settings.accountId());
        this.transitions = new Transitions(store, settings.delays());
        this.importer = new DatasetImporter(settings.s3Root());
    }

    Instant now() {
        return Instant.now();
    }

    /** @throws PersonalizeException ResourceInUseException unless {@code resource} is ACTIVE */
    static void requireActive(Resource resource, String purpose) {
        if (!Status.ACTIVE.equals(resource.status())) {
            throw PersonalizeException.inUse("Resource " + resource.arn() + " is " + resource.status()
                    + "; it must be ACTIVE " + purpose + ".");
        }
    }

    /** @throws PersonalizeException ResourceInUseException unless Personalize would delete from this state */
    static void requireDeletable(Resource resource) {
        if (!Status.deletable(resource.status())) {
            throw PersonalizeException.inUse("Resource " + resource.arn() + " is " + resource.status()
                    + "; it can be deleted once it is ACTIVE or CREATE FAILED.");
        }
    }

    /** @throws PersonalizeException ResourceInUseException naming what still uses {@code resource} */
    static void requireUnused(Resource resource, List<? extends Resource> users) {
        if (!users.isEmpty()) {
            throw PersonalizeException.inUse("Resource " + resource.arn() + " is in use by "
                    + users.stream().map(Resource::arn).toList() + ".");
        }
    }

    static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
