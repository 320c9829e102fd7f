package com.movierec.local.deployer.deploy.resources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stand-ins for {@code AWS::Cognito::UserPool}, {@code UserPoolClient} and {@code UserPoolDomain}: ids in Cognito's
 * formats, made deterministically from the stack and the logical id (a pool id {@code <region>_<9 letters and
 * digits>}, a client id of 26 lower-case letters and digits), and the Ref and GetAtt values CloudFormation returns
 * for them. The pools themselves, their users, keys and managed login, are {@code auth.LocalCognito}'s, which reads
 * the deployed records after the deploy.
 */
public final class CognitoResources implements ResourceHandler {
    public static final String USER_POOL = "AWS::Cognito::UserPool";
    public static final String USER_POOL_CLIENT = "AWS::Cognito::UserPoolClient";
    public static final String USER_POOL_DOMAIN = "AWS::Cognito::UserPoolDomain";
    private static final String MIXED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String LOWER = "0123456789abcdefghijklmnopqrstuvwxyz";
    /** CloudFormation's pattern for a UserPoolDomain's Domain: a prefix, or a custom domain's name. */
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?(\\.[a-z0-9]"
            + "(?:[a-z0-9\\-]{0,61}[a-z0-9])?)*$");

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        return outcome(request);
    }

    @Override
    public ResourceOutcome update(ResourceRequest request) {
        return outcome(request);
    }

    @Override
    public void delete(ResourceRequest request) {
        // Nothing exists locally but the ids; the pools live in the run (auth.LocalCognito).
    }

    private static ResourceOutcome outcome(ResourceRequest request) {
        StackContext stack = request.stack();
        String seed = stack.stackId() + "/" + request.logicalId();
        Map<String, String> attributes = new LinkedHashMap<>();
        String ref = switch (request.type()) {
            case USER_POOL -> {
                String poolId = stack.region() + "_" + encode(seed, MIXED, 9);
                attributes.put("Arn", stack.arn("cognito-idp", "userpool/" + poolId));
                attributes.put("ProviderName", "cognito-idp." + stack.region() + "." + StackContext.URL_SUFFIX + "/"
                        + poolId);
                attributes.put("ProviderURL", "https://cognito-idp." + stack.region() + "." + StackContext.URL_SUFFIX
                        + "/" + poolId);
                attributes.put("UserPoolId", poolId);
                yield poolId;
            }
            case USER_POOL_CLIENT -> {
                requireText(request, "UserPoolId");
                String clientId = encode(seed, LOWER, 26);
                attributes.put("ClientId", clientId);
                attributes.put("Name", request.text("ClientName", clientId));
                if (request.properties().path("GenerateSecret").asBoolean(false)) {
                    attributes.put("ClientSecret", encode(seed + "/secret", LOWER, 51));
                }
                yield clientId;
            }
            case USER_POOL_DOMAIN -> {
                requireText(request, "UserPoolId");
                String domain = requireText(request, "Domain");
                if (!DOMAIN.matcher(domain).matches()) {
                    throw new ResourceFailure("Domain " + domain + " of " + request.logicalId() + " is not a valid "
                            + "domain prefix or domain name: lower-case letters, digits and hyphens, no hyphen "
                            + "first or last (1 to 63 characters for a prefix)");
                }
                attributes.put("CloudFrontDistribution", "d" + encode(seed, LOWER, 13) + ".cloudfront.net");
                yield domain;
            }
            default -> throw new IllegalArgumentException("not a Cognito type: " + request.type());
        };
        return new ResourceOutcome(ref, attributes);
    }

    private static String requireText(ResourceRequest request, String property) {
        String value = request.text(property, "");
        if (value.isBlank()) {
            throw new ResourceFailure("Property " + property + " of " + request.logicalId() + " (" + request.type()
                    + ") is required: set it in the template");
        }
        return value;
    }

    /** {@code length} characters of {@code alphabet} drawn from SHA-256 of {@code seed}: stable across deploys. */
    static String encode(String seed, String alphabet, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder out = new StringBuilder(length);
            byte[] block = sha.digest(seed.getBytes(StandardCharsets.UTF_8));
            int index = 0;
            while (out.length() < length) {
                if (index == block.length) {
                    block = sha.digest(block);
                    index = 0;
                }
                out.append(alphabet.charAt((block[index++] & 0xff) % alphabet.length()));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
