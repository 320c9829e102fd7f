package com.movierec.local.deployer.deploy.resources;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

/**
 * The physical id and attributes CloudFormation would report for an AWS-only resource, made up deterministically
 * from the stack, the logical id and the name properties: a role named by RoleName gets that name in its ARN, an
 * unnamed one {@code <stack>-<logicalId>}. The common types get the Ref and attributes their documentation lists;
 * any other type gets a generated name as Ref and an {@code Arn} of the usual shape.
 */
final class StandInIdentities {
    private StandInIdentities() {
    }

    static ResourceOutcome of(ResourceRequest request) {
        StackContext stack = request.stack();
        String id = request.logicalId();
        Map<String, String> attributes = new LinkedHashMap<>();
        String ref = switch (request.type()) {
            case "AWS::IAM::Role" -> {
                String name = request.text("RoleName", PhysicalNames.generate(stack, id, 64));
                attributes.put("Arn", stack.arn("iam", "", "role" + request.text("Path", "/") + name));
                attributes.put("RoleId",
                        "AROA" + PhysicalNames.hash(stack.stackId() + id, 17).toUpperCase(Locale.ROOT));
                yield name;
            }
            case "AWS::IAM::ManagedPolicy" -> {
                String arn = stack.arn("iam", "", "policy/" + request.text("ManagedPolicyName",
                        PhysicalNames.generate(stack, id, 128)));
                attributes.put("PolicyArn", arn);
                yield arn;
            }
            case "AWS::KMS::Key" -> {
                String keyId = UUID.nameUUIDFromBytes((stack.stackId() + "/" + id).getBytes(StandardCharsets.UTF_8))
                        .toString();
                attributes.put("Arn", stack.arn("kms", "key/" + keyId));
                attributes.put("KeyId", keyId);
                yield keyId;
            }
            case "AWS::Lambda::Function" -> {
                String name = request.text("FunctionName", PhysicalNames.generate(stack, id, 64));
                attributes.put("Arn", functionArn(stack, name));
                yield name;
            }
            case "AWS::Lambda::Version" -> {
                String arn = functionArn(stack, request.text("FunctionName", "")) + ":1";
                attributes.put("Version", "1");
                attributes.put("FunctionArn", arn);
                yield arn;
            }
            case "AWS::Lambda::Alias" -> functionArn(stack, request.text("FunctionName", "")) + ":"
                    + request.text("Name", id);
            case "AWS::Lambda::LayerVersion" -> {
                String arn = stack.arn("lambda", "layer:" + request.text("LayerName",
                        PhysicalNames.generate(stack, id, 64)) + ":1");
                attributes.put("LayerVersionArn", arn);
                yield arn;
            }
            case "AWS::Logs::LogGroup" -> {
                String name = request.text("LogGroupName", PhysicalNames.generate(stack, id, 512));
                attributes.put("Arn", stack.arn("logs", "log-group:" + name + ":*"));
                yield name;
            }
            case "AWS::StepFunctions::StateMachine" -> {
                String name = request.text("StateMachineName", PhysicalNames.generate(stack, id, 80));
                String arn = stack.arn("states", "stateMachine:" + name);
                attributes.put("Arn", arn);
                attributes.put("Name", name);
                yield arn;
            }
            case "AWS::ApiGateway::RestApi" -> {
                attributes.put("RootResourceId", PhysicalNames.hash(stack.stackId() + id + "/", 10));
                yield PhysicalNames.hash(stack.stackId() + id, 10);
            }
            case "AWS::ApiGateway::Stage" -> request.text("StageName", id);
            case "AWS::Cognito::ManagedLoginBranding" -> {
                String brandingId = UUID.nameUUIDFromBytes((stack.stackId() + "/" + id)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                attributes.put("ManagedLoginBrandingId", brandingId);
                yield brandingId;
            }
            case "AWS::SSM::Parameter" -> {
                String name = request.text("Name", PhysicalNames.generate(stack, id, 2048));
                attributes.put("Type", request.text("Type", "String"));
                attributes.put("Value", request.text("Value", ""));
                yield name;
            }
            default -> {
                String name = request.type().startsWith("AWS::ApiGateway::")
                        ? PhysicalNames.hash(stack.stackId() + id, 10)
                        : PhysicalNames.generate(stack, id, 128);
                attributes.put("Arn", stack.arn(service(request.type()), resourceType(request.type()) + "/" + name));
                yield name;
            }
        };
        return new ResourceOutcome(ref, attributes);
    }

    /** A function's ARN from its name, or the ARN itself when FunctionName already is one. */
    private static String functionArn(StackContext stack, String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : stack.arn("lambda", "function:" + nameOrArn);
    }

    /** {@code AWS::Foo::Bar} is service {@code foo}. */
    private static String service(String type) {
        String[] parts = type.split("::");
        return parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "local";
    }

    /** {@code AWS::Foo::BarBaz} is resource type {@code bar-baz}. */
    private static String resourceType(String type) {
        String[] parts = type.split("::");
        String last = parts[parts.length - 1];
        return last.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
