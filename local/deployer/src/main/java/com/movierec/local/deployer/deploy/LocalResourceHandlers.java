package com.movierec.local.deployer.deploy;

import com.movierec.local.deployer.deploy.resources.AutoDeleteObjectsResource;
import com.movierec.local.deployer.deploy.resources.BucketDeploymentResource;
import com.movierec.local.deployer.deploy.resources.BucketResource;
import com.movierec.local.deployer.deploy.resources.CognitoResources;
import com.movierec.local.deployer.deploy.resources.HandlerLookup;
import com.movierec.local.deployer.deploy.resources.LocalS3;
import com.movierec.local.deployer.deploy.resources.ResourceHandler;
import com.movierec.local.deployer.deploy.resources.StandInResource;
import com.movierec.local.deployer.deploy.resources.UnsupportedResourceException;
import com.movierec.local.deployer.deploy.waitcondition.SignalBoard;
import com.movierec.local.deployer.deploy.waitcondition.WaitConditionHandleResource;
import com.movierec.local.deployer.deploy.waitcondition.WaitConditionResource;
import com.movierec.local.deployer.deploy.iam.FunctionS3Callers;
import com.movierec.local.deployer.deploy.iam.LocalAccount;
import com.movierec.local.deployer.deploy.resources.S3Callers;
import com.movierec.local.deployer.deploy.iam.PolicyRegistration;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which local implementation deploys which resource type: the Personalize custom resources through the lifecycle
 * handlers, S3 buckets and CDK's bucket providers on the local S3 directory, WaitConditions on the signal board, and
 * every other {@code AWS::} type as a stand-in. Custom resource types without a local implementation, nested stacks
 * and non-AWS types are refused before anything is deployed.
 */
final class LocalResourceHandlers implements HandlerLookup {
    private static final String PERSONALIZE_PREFIX = CustomResourceType.PREFIX;
    /** AWS types whose behaviour a stand-in would silently get wrong. */
    private static final Set<String> UNSUPPORTED = Set.of("AWS::CloudFormation::Stack",
            "AWS::CloudFormation::CustomResource", "AWS::CloudFormation::Macro", "AWS::Serverless::Function");

    private final ResourceHandler personalize;
    private final Map<String, ResourceHandler> byType;
    private final ResourceHandler standIn = new StandInResource();
    /** User pools, app clients and domains: ids in Cognito's formats; the pools run in auth.LocalCognito. */
    private static final ResourceHandler COGNITO = new CognitoResources();

    private final Optional<LocalAccount> account;

    /** @param region where the stacks are, for the S3 callers' KMS requests */
    LocalResourceHandlers(ResourceHandler personalize, LocalS3 s3, SignalBoard board, Optional<LocalAccount> account,
                          String region) {
        this.personalize = personalize;
        this.account = account;
        S3Callers callers = account.<S3Callers>map(a -> new FunctionS3Callers(a, region)).orElse(S3Callers.NO_IAM);
        this.byType = Map.of(
                "AWS::S3::Bucket", new BucketResource(s3),
                "Custom::S3AutoDeleteObjects", new AutoDeleteObjectsResource(s3, callers),
                "Custom::CDKBucketDeployment", new BucketDeploymentResource(s3, callers),
                "AWS::CloudFormation::WaitConditionHandle", new WaitConditionHandleResource(board),
                "AWS::CloudFormation::WaitCondition", new WaitConditionResource(board),
                CognitoResources.USER_POOL, COGNITO,
                CognitoResources.USER_POOL_CLIENT, COGNITO,
                CognitoResources.USER_POOL_DOMAIN, COGNITO);
    }

    @Override
    public ResourceHandler forType(String type) {
        ResourceHandler handler = handlerFor(type);
        return account.isPresent() && PolicyRegistration.concerns(type)
                ? new PolicyRegistration(handler, account.get())
                : handler;
    }

    private ResourceHandler handlerFor(String type) {
        if (type.startsWith(PERSONALIZE_PREFIX)) {
            return personalize;
        }
        ResourceHandler handler = byType.get(type);
        if (handler != null) {
            return handler;
        }
        if (type.startsWith("AWS::") && !UNSUPPORTED.contains(type)) {
            return standIn;
        }
        throw new UnsupportedResourceException("resource type " + type + " has no local implementation: the local "
                + "deployer runs Custom::Personalize*, Custom::CDKBucketDeployment, Custom::S3AutoDeleteObjects, "
                + "WaitConditions and S3 buckets, and stands in for other AWS:: resources");
    }
}
