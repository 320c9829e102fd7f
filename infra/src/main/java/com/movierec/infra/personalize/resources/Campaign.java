package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.lifecycle.LifecycleProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * {@code Custom::PersonalizeCampaign}: serves a trained solution version. It depends on the version's metrics, so
 * it updates in place to a new version only once that version is ACTIVE and has passed its quality gate; when the
 * gate fails, the stack rolls back without ever updating the campaign.
 */
public final class Campaign extends PersonalizeResource {
    public static final String TYPE = "Custom::PersonalizeCampaign";

    public Campaign(Construct scope, String id, Props props) {
        super(scope, id, props.lifecycle(), TYPE, properties(props));
        dependOn(props.solutionVersion().metrics());
    }

    private static Map<String, String> properties(Props props) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", requireName("campaign", props.name()));
        properties.put("SolutionVersionArn", props.solutionVersion().arn());
        properties.put("MinProvisionedTPS", Integer.toString(props.minProvisionedTps()));
        return properties;
    }

    /**
     * @param lifecycle         the custom-resource provider
     * @param name              the Personalize name
     * @param solutionVersion   the trained version to serve
     * @param minProvisionedTps the provisioned (and billed) requests per second, at least 1
     */
    public record Props(LifecycleProvider lifecycle, String name, TrainedSolutionVersion solutionVersion,
                        int minProvisionedTps) {
        public Props {
            require("lifecycle", lifecycle);
            require("solutionVersion", solutionVersion);
            if (minProvisionedTps < 1) {
                throw new IllegalArgumentException("campaign " + name + " has minProvisionedTps " + minProvisionedTps
                        + ": Personalize needs 1 or more");
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private LifecycleProvider lifecycle;
            private String name;
            private TrainedSolutionVersion solutionVersion;
            private int minProvisionedTps = 1;

            public Builder lifecycle(LifecycleProvider lifecycle) {
                this.lifecycle = lifecycle;
                return this;
            }

            public Builder name(String name) {
                this.name = name;
                return this;
            }

            public Builder solutionVersion(TrainedSolutionVersion solutionVersion) {
                this.solutionVersion = solutionVersion;
                return this;
            }

            public Builder minProvisionedTps(int minProvisionedTps) {
                this.minProvisionedTps = minProvisionedTps;
                return this;
            }

            public Props build() {
                return new Props(lifecycle, name, solutionVersion, minProvisionedTps);
            }
        }
    }
}
