package com.movierec.local.deployer;

import static com.movierec.local.deployer.testing.Stacks.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.testing.LocalEngine;
import com.movierec.local.deployer.testing.RecordingListener;
import com.movierec.local.deployer.testing.Stacks;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cdk.json's dev as shipped, on api.auth "jwt", deploys locally: the user pool, its app clients, managed login domain
 * and branding, and the Cognito authorizer get stand-ins with Cognito's id formats, the API stack's outputs resolve to
 * what the page's runtime config needs, the function learns the auth mode, and destroy removes it all.
 */
class ShippedAuthDeployTest {
    @TempDir
    static Path tmp;
    private static LocalEngine engine;
    private static DeployOptions options;
    private static StageDeployment deployment;

    @BeforeAll
    static void deploy() {
        engine = LocalEngine.start(tmp.resolve("s3"));
        options = engine.options(new RecordingListener());
        deployment = new LocalDeployer().deploy(SynthesizedDev.withShippedAuth(), SynthesizedDev.STAGE, options);
    }

    @AfterAll
    static void destroy() {
        try {
            new LocalDeployer().destroy(SynthesizedDev.withShippedAuth(), SynthesizedDev.STAGE, options);
        } finally {
            engine.close();
        }
    }

    @Test
    void theApiStacksOutputsAreWhatThePageSignsInWith() {
        Map<String, String> outputs = deployment.stack(API).outputValues();
        // The default domain prefix is movierec-dev- and the first group of the stack id's UUID.
        String stackUuid = UUID.nameUUIDFromBytes(API.getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(outputs.get("UserPoolId")).matches("eu-west-1_[0-9A-Za-z]{9}");
        assertThat(outputs.get("ClientId")).matches("[0-9a-z]{26}");
        assertThat(outputs.get("OperatorClientId")).matches("[0-9a-z]{26}").isNotEqualTo(outputs.get("ClientId"));
        assertThat(outputs.get("AuthDomain")).isEqualTo("https://movierec-dev-" + stackUuid.substring(0, 8)
                + ".auth.eu-west-1.amazoncognito.com");
        assertThat(outputs).doesNotContainKey("ApiKeyId");
    }

    @Test
    void theAuthorizerNamesThePoolAndAcceptsOnlyTheStacksClients() {
        StackState api = deployment.stack(API);
        Map<String, String> outputs = api.outputValues();

        assertThat(Stacks.resources(api, "GatewayAuthorizer")).singleElement().satisfies(authorizer -> {
            assertThat(authorizer.type()).isEqualTo("AWS::ApiGateway::Authorizer");
            assertThat(authorizer.properties().path("Type").asText()).isEqualTo("COGNITO_USER_POOLS");
            assertThat(authorizer.properties().path("IdentityValidationExpression").asText())
                    .isEqualTo("^(" + outputs.get("ClientId") + "|" + outputs.get("OperatorClientId") + ")$");
        });
        assertThat(api.resources().values()).filteredOn(r -> r.type().equals("AWS::Cognito::UserPool"))
                .singleElement().satisfies(pool -> assertThat(pool.attributes()).containsEntry("Arn",
                        "arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + outputs.get("UserPoolId")));
        assertThat(api.resources().values()).extracting(r -> r.type()).contains("AWS::Cognito::UserPoolDomain",
                "AWS::Cognito::ManagedLoginBranding");
    }

    @Test
    void theFunctionKnowsItsCallersAreSignedInUsers() {
        assertThat(deployment.apiEnvironment()).containsEntry("AUTH_MODE", "jwt");
    }
}
