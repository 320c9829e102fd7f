package com.movierec.infra.api;

import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.personalize.ServingResources;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The API Lambda's role: Personalize's runtime calls on this environment's campaigns by ARN, and PutEvents, which IAM
 * authorises on {@code "*"} only (it takes no resource type, so it cannot be scoped to the tracker; the tracking id
 * in the request picks the tracker). No AWS managed policy; the function's log group and X-Ray add their own grants.
 */
final class ApiFunctionRole {
    private ApiFunctionRole() {
    }

    static Role create(Construct scope, String id, ServingResources serving) {
        Role role = Role.Builder.create(scope, id)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("movierec recommendations API: Personalize recommendations, ranking and events")
                .build();
        List<String> recommending = new ArrayList<>();
        for (RecipeSlot slot : List.of(RecipeSlot.USER_PERSONALIZATION, RecipeSlot.RELATED_ITEMS,
                RecipeSlot.POPULARITY)) {
            serving.campaignArn(slot).ifPresent(recommending::add);
        }
        if (!recommending.isEmpty()) {
            // The campaign is the only resource type GetRecommendations takes (Service Authorization Reference): a
            // filter passed with it is not authorised separately, so no grant names the filters.
            role.addToPolicy(statement("GetRecommendations", "personalize:GetRecommendations", recommending));
        }
        serving.campaignArn(RecipeSlot.RANKING).ifPresent(ranking -> role.addToPolicy(
                statement("GetPersonalizedRanking", "personalize:GetPersonalizedRanking", List.of(ranking))));
        // PutEvents takes no resource type: AWS's PutEvents reference asks for Resource "*"; a tracker ARN denies it.
        role.addToPolicy(statement("PutEvents", "personalize:PutEvents", List.of("*")));
        return role;
    }

    private static PolicyStatement statement(String sid, String action, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(List.of(action)).resources(resources).build();
    }
}
