package com.movierec.infra.personalize.provider;

import com.movierec.infra.nag.NagFindings;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeService;
import com.movierec.schemas.contract.CustomResourceType;
import com.movierec.schemas.contract.ResourceProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.LogOptions;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.constructs.Construct;

/**
 * Runs the Personalize lifecycle custom resources: the Java onEvent/isComplete handlers behind CDK's Provider
 * framework (which answers CloudFormation and polls isComplete every 30 seconds for up to an hour), and the
 * {@link JobWatcher} for jobs that take longer.
 */
public final class LifecycleProvider extends Construct {
    static final String ON_EVENT_HANDLER = "com.movierec.lifecycle.OnEventHandler::handleRequest";
    static final String IS_COMPLETE_HANDLER = "com.movierec.lifecycle.IsCompleteHandler::handleRequest";

    /**
     * The Personalize calls the onEvent and isComplete handlers make, on this environment's resources only (the
     * watcher, not these handlers, follows import jobs; no handler describes a recipe: local mode's least-privilege
     * report found both unused).
     */
    static final List<String> PERSONALIZE_ACTIONS = List.of(
            "personalize:CreateSchema", "personalize:DescribeSchema", "personalize:DeleteSchema",
            "personalize:CreateDatasetGroup", "personalize:DescribeDatasetGroup", "personalize:DeleteDatasetGroup",
            "personalize:CreateDataset", "personalize:DescribeDataset", "personalize:UpdateDataset",
            "personalize:DeleteDataset",
            "personalize:CreateDatasetImportJob",
            "personalize:CreateSolution", "personalize:DescribeSolution", "personalize:UpdateSolution",
            "personalize:DeleteSolution",
            "personalize:CreateSolutionVersion", "personalize:DescribeSolutionVersion",
            "personalize:StopSolutionVersionCreation", "personalize:GetSolutionMetrics",
            "personalize:CreateCampaign", "personalize:DescribeCampaign", "personalize:UpdateCampaign",
            "personalize:DeleteCampaign",
            "personalize:CreateEventTracker", "personalize:DescribeEventTracker", "personalize:DeleteEventTracker",
            "personalize:CreateFilter", "personalize:DescribeFilter", "personalize:DeleteFilter",
            // Tags on Create need TagResource too; UntagResource when a tag is removed from an existing resource.
            "personalize:TagResource", "personalize:UntagResource");

    /**
     * The contract's types whose Create call takes tags (CreateSchema takes none; SolutionMetrics creates nothing):
     * these get the environment's cost-allocation tags as their {@code Tags} property.
     */
    public static final Set<String> TAGGED_TYPES = Arrays.stream(CustomResourceType.values())
            .filter(CustomResourceType::takesTags).map(CustomResourceType::cloudFormationName)
            .collect(Collectors.toUnmodifiableSet());

    private final Provider provider;
    private final JobWatch watch;
    private final Map<String, String> tags;

    public LifecycleProvider(Construct scope, String id, LifecycleProviderProps props) {
        super(scope, id);
        PersonalizeArns arns = props.arns();
        tags = props.tags();
        JobWatcher watcher = new JobWatcher(this, "Watcher", props.lifecycleJar(), arns,
                Duration.seconds(props.watchTimeout().toSeconds()));

        Role role = Role.Builder.create(this, "HandlerRole")
                .description("The movierec onEvent and isComplete Lambdas: manage this environment's Personalize "
                        + "resources")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ManageOwnPersonalizeResources")
                .actions(PERSONALIZE_ACTIONS)
                // One statement over every resource type: each action is authorised against its own type's ARN,
                // so listing the types together grants nothing beyond the per-type pairs.
                .resources(personalizeResources(arns))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ListSolutionVersionsBeforeDelete")
                // A List action takes no resource type: IAM authorises it on "*" only (Service Authorization
                // Reference for Amazon Personalize), so a scoped Resource would deny every call.
                .actions(List.of("personalize:ListSolutionVersions"))
                .resources(List.of("*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("PassServiceRoleToPersonalize")
                .actions(List.of("iam:PassRole"))
                .resources(List.of(props.personalizeRole().getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", PersonalizeService.PRINCIPAL)))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("StartJobWatcher")
                .actions(List.of("states:StartExecution"))
                .resources(List.of(watcher.stateMachine().getStateMachineArn()))
                .build());

        Function onEvent = LifecycleFunction.create(this, "OnEvent", props.lifecycleJar(), ON_EVENT_HANDLER,
                Duration.minutes(2), role);
        Function isComplete = LifecycleFunction.create(this, "IsComplete", props.lifecycleJar(), IS_COMPLETE_HANDLER,
                Duration.minutes(2), role);
        LogGroup frameworkLogs = logGroup("FrameworkLogs");
        LogGroup waiterLogs = logGroup("WaiterLogs");
        // Own roles for the framework's Lambdas: the default ones carry the AWS managed basic execution policy.
        Role frameworkOnEventRole = frameworkRole("FrameworkOnEventRole", frameworkLogs);
        Role frameworkCompleteRole = frameworkRole("FrameworkCompleteRole", frameworkLogs);
        provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(onEvent)
                .isCompleteHandler(isComplete)
                .queryInterval(Duration.seconds(30))
                // CloudFormation gives a custom resource one hour; longer jobs go to the watcher.
                .totalTimeout(Duration.hours(1))
                .frameworkOnEventRole(frameworkOnEventRole)
                .frameworkCompleteAndTimeoutRole(frameworkCompleteRole)
                .logGroup(frameworkLogs)
                .disableWaiterStateMachineLogging(false)
                .waiterStateMachineLogOptions(LogOptions.builder()
                        .destination(waiterLogs)
                        .level(LogLevel.ALL)
                        // Execution data holds CloudFormation's ResponseURL, a presigned URL: never logged.
                        .includeExecutionData(false)
                        .build())
                .build();
        watch = new JobWatch(watcher.stateMachine().getStateMachineArn(), props.pollSeconds(), props.watchTimeout());

        NagFindings.suppress(NagFindings.defaultPolicy(role), "AwsSolutions-IAM5", "Personalize ARNs are known only "
                + "once created: the handlers may act on this environment's resources (name prefix "
                + arns.names().prefix() + "*) of each type, on event trackers by id (event-tracker/*: a tracker's "
                + "ARN ends in a generated id, not its name, per the event-tracker resource type of "
                + "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonpersonalize.html).",
                personalizeResources(PersonalizeArns.asNagReportsThem(Stack.of(this), arns.names()))
                        .stream().map(NagFindings::resource).toList());
        // Its own suppression, so Resource::* is accepted for this one reason and no other.
        NagFindings.suppress(NagFindings.defaultPolicy(role), "AwsSolutions-IAM5", "Resource * only for "
                + "personalize:ListSolutionVersions (statement ListSolutionVersionsBeforeDelete): the Service "
                + "Authorization Reference lists no resource type for it, so IAM authorises it on * only and a scoped "
                + "Resource would deny every call "
                + "(https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonpersonalize.html). "
                + "Every other statement of this policy names its ARNs or ARN patterns.",
                List.of(NagFindings.resource("*")));
        ProviderFrameworkSuppressions.apply(provider, onEvent, isComplete);
    }

    /**
     * A custom resource of one of the contract's types, its properties passed in a stable order; a type in
     * {@link #TAGGED_TYPES} also gets the environment's tags as {@code Tags} (none when there are no tags).
     */
    public CustomResource resource(Construct scope, String id, String resourceType, Map<String, String> properties) {
        if (CustomResourceType.find(resourceType).isEmpty()) {
            throw new IllegalArgumentException("resource type \"" + resourceType + "\" is not one of the lifecycle "
                    + "contract's Custom::Personalize* types (docs/personalize-resources.md)");
        }
        properties.forEach((key, value) -> Objects.requireNonNull(value, () -> resourceType + " property " + key));
        if (properties.containsKey(ResourceProperties.TAGS)) {
            throw new IllegalArgumentException(resourceType + " property " + ResourceProperties.TAGS
                    + " is the provider's: set the environment's tags on LifecycleProviderProps");
        }
        Map<String, Object> all = new TreeMap<>(properties);
        if (TAGGED_TYPES.contains(resourceType) && !tags.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            tags.forEach((key, value) -> list.add(new TreeMap<>(Map.of(ResourceProperties.TAG_KEY, key,
                    ResourceProperties.TAG_VALUE, value))));
            all.put(ResourceProperties.TAGS, list);
        }
        return CustomResource.Builder.create(scope, id)
                .serviceToken(provider.getServiceToken())
                .resourceType(resourceType)
                .properties(all)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    public JobWatch watch() {
        return watch;
    }

    private LogGroup logGroup(String id) {
        return LogGroup.Builder.create(this, id)
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    private Role frameworkRole(String id, LogGroup logs) {
        Role frameworkRole = Role.Builder.create(this, id)
                .description("A CDK Provider framework Lambda of the movierec lifecycle")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        logs.grantWrite(frameworkRole);
        return frameworkRole;
    }

    static List<String> personalizeResources(PersonalizeArns arns) {
        List<String> resources = new ArrayList<>();
        PersonalizeArns.RESOURCE_TYPES.forEach(type -> resources.add(arns.ownResources(type)));
        return resources;
    }

    /** Fails synth with a clear sentence when the handler jar has not been built. */
    static Path requireJar(Path jar) {
        if (!jar.isAbsolute() || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is not a built lifecycle jar: build it with "
                    + "mvn -pl lambdas/lifecycle -am package (bin/cdk-app does) and pass its absolute path");
        }
        return jar;
    }
}
