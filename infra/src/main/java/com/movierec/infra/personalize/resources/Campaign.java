package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * {@code Custom::PersonalizeCampaign}: serves a trained solution version. It depends on the version's metrics, so
 * it updates in place to a new version only once that version is ACTIVE and has passed its quality gate; when the
 * gate fails, the stack rolls back without ever updating the campaign.
 *
 * <p>With auto-training ({@link Props#syncWith()}), the campaign serves {@code <solution ARN>/$LATEST} with
 * {@code CampaignConfig {"syncWithLatestSolutionVersion": true}}: Personalize moves it to each new version of the
 * solution by itself, without a deploy and without the quality gate (which still checks the version a deploy trains,
 * and still orders the campaign after it).
 */
public final class Campaign extends PersonalizeResource {
    public static final String TYPE = CustomResourceType.CAMPAIGN.cloudFormationName();
    /** Personalize's form of "the latest version of this solution", for a synced campaign. */
    static final String LATEST = "/$LATEST";
    static final String SYNC_CONFIG = "{\"syncWithLatestSolutionVersion\": true}";

    public Campaign(Construct scope, String id, Props props) {
        super(scope, id, props.lifecycle(), TYPE, properties(props));
        dependOn(props.solutionVersion().metrics());
    }

    private static Map<String, String> properties(Props props) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", requireName("campaign", props.name()));
        properties.put("SolutionVersionArn", props.syncWith()
                .map(solution -> solution.arn() + LATEST)
                .orElse(props.solutionVersion().arn()));
        properties.put("MinProvisionedTPS", Integer.toString(props.minProvisionedTps()));
        props.syncWith().ifPresent(solution -> properties.put("CampaignConfig", SYNC_CONFIG));
        return properties;
    }

    /**
     * @param lifecycle         the custom-resource provider
     * @param name              the Personalize name
     * @param solutionVersion   the trained version to serve
     * @param minProvisionedTps the provisioned (and billed) requests per second, at least 1
     * @param syncWith          with auto-training, the solution (that of {@code solutionVersion}) whose latest version
     *                          the campaign follows; empty to serve {@code solutionVersion} until a deploy moves it
     */
    public record Props(LifecycleProvider lifecycle, String name, TrainedSolutionVersion solutionVersion,
                        int minProvisionedTps, Optional<Solution> syncWith) {
        public Props {
            require("lifecycle", lifecycle);
            require("solutionVersion", solutionVersion);
            syncWith = syncWith == null ? Optional.empty() : syncWith;
            if (minProvisionedTps < 1) {
                throw new IllegalArgumentException("campaign " + name + " has minProvisionedTps " + minProvisionedTps
                        + ": Personalize needs 1 or more");
            }
        }
    }
}
