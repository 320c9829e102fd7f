package com.movierec.infra.personalize;

import com.movierec.infra.nag.NagFindings;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;

/**
 * ARNs and ARN patterns of this environment's Personalize resources. {@link #of} gives them as the template
 * needs them; {@link #asNagReportsThem} gives the same strings the way cdk-nag prints them, so suppressions can
 * list exactly the wildcards they accept.
 */
public final class PersonalizeArns {
    /** The resource types whose ARNs the lifecycle Lambdas act on. */
    public static final List<String> RESOURCE_TYPES = List.of("schema", "dataset-group",
            "dataset", "dataset-import-job", "solution", "campaign", "event-tracker", "filter");
    private static final String EVENT_TRACKER = "event-tracker";

    private final String partition;
    private final String region;
    private final String account;
    private final PersonalizeNames names;

    private PersonalizeArns(String partition, String region, String account, PersonalizeNames names) {
        this.partition = partition;
        this.region = region;
        this.account = account;
        this.names = names;
    }

    public static PersonalizeArns of(Stack stack, PersonalizeNames names) {
        return new PersonalizeArns(Aws.PARTITION, stack.getRegion(), stack.getAccount(), names);
    }

    public static PersonalizeArns asNagReportsThem(Stack stack, PersonalizeNames names) {
        return new PersonalizeArns("<AWS::Partition>", NagFindings.region(stack), NagFindings.account(stack), names);
    }

    /**
     * Every resource of a type whose name starts with this environment's prefix, e.g. schema/movierec-dev-*. Event
     * trackers are the exception: their ARNs carry a generated id ({@code event-tracker/1a2b3c4d}), not the name, so
     * no prefix can scope them and the pattern is every tracker of the account and region (the Service Authorization
     * Reference's {@code arn:${Partition}:personalize:${Region}:${Account}:event-tracker/${ResourceId}}).
     */
    public String ownResources(String resourceType) {
        String pattern = resourceType.equals(EVENT_TRACKER) ? "*" : names.prefix() + "*";
        return "arn:" + partition + ":personalize:" + region + ":" + account + ":" + resourceType + "/" + pattern;
    }

    /** One resource of this environment by its Personalize name, e.g. campaign/movierec-dev-popularity-1a2b3c4d. */
    public String resource(String resourceType, String name) {
        if (!name.startsWith(names.prefix())) {
            throw new IllegalArgumentException(resourceType + " " + name + " is not a resource of this environment: "
                    + "its name must start with " + names.prefix());
        }
        return "arn:" + partition + ":personalize:" + region + ":" + account + ":" + resourceType + "/" + name;
    }

    /** Any resource of this environment: the aws:SourceArn Personalize presents when it acts for one of them. */
    public String anyOwnResource() {
        return ownResources("*");
    }

    public String recipe(String recipeId) {
        return "arn:" + partition + ":personalize:::recipe/" + recipeId;
    }

    public PersonalizeNames names() {
        return names;
    }

    public String account() {
        return account;
    }

    public String iamRole(String roleName) {
        return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }
}
