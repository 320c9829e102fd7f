package com.movierec.infra.personalize.provider;

import com.movierec.infra.personalize.PersonalizeArns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.iam.IRole;

/**
 * @param lifecycleJar    absolute path of {@code lambdas/lifecycle/target/lifecycle.jar} (tests pass a stand-in)
 * @param arns            this environment's Personalize ARN patterns, which bound the handlers' permissions
 * @param personalizeRole the service role the handlers pass to Personalize
 * @param watchTimeout    how long an import or training may take before the deploy fails
 * @param pollSeconds     how often the watcher checks a running job
 * @param tags            the environment's cost-allocation tags, in order, which every resource Personalize tags
 *                        carries as its {@code Tags} property; null or empty for none
 */
public record LifecycleProviderProps(Path lifecycleJar, PersonalizeArns arns, IRole personalizeRole,
                                     Duration watchTimeout, int pollSeconds, Map<String, String> tags) {

    public LifecycleProviderProps {
        LifecycleProvider.requireJar(Objects.requireNonNull(lifecycleJar, "lifecycleJar"));
        Objects.requireNonNull(arns, "arns");
        Objects.requireNonNull(personalizeRole, "personalizeRole");
        Objects.requireNonNull(watchTimeout, "watchTimeout");
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
