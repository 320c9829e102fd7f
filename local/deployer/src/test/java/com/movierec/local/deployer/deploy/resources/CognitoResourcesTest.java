package com.movierec.local.deployer.deploy.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Cognito stand-ins: ids in Cognito's formats, stable across deploys, and CloudFormation's Ref and GetAtt. */
class CognitoResourcesTest {
    private final CognitoResources cognito = new CognitoResources();

    @Test
    void aUserPoolIdIsTheRegionAndNineLettersOrDigitsWithTheAttributesCloudFormationReturns() {
        ResourceOutcome pool = cognito.create(Requests.create("UserPool", CognitoResources.USER_POOL, "{}"));

        assertThat(pool.physicalId()).matches("eu-west-1_[0-9A-Za-z]{9}")
                .isEqualTo(cognito.create(Requests.create("UserPool", CognitoResources.USER_POOL, "{}")).physicalId())
                .isNotEqualTo(cognito.create(Requests.create("OtherPool", CognitoResources.USER_POOL, "{}"))
                        .physicalId());
        assertThat(pool.attributes())
                .containsEntry("Arn", "arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + pool.physicalId())
                .containsEntry("ProviderName", "cognito-idp.eu-west-1.amazonaws.com/" + pool.physicalId())
                .containsEntry("ProviderURL", "https://cognito-idp.eu-west-1.amazonaws.com/" + pool.physicalId())
                .containsEntry("UserPoolId", pool.physicalId());
    }

    @Test
    void anAppClientIdIs26LowerCaseLettersOrDigitsAndOnlyAClientWithASecretHasOne() {
        ResourceOutcome client = cognito.create(Requests.create("PageClient", CognitoResources.USER_POOL_CLIENT,
                "{\"UserPoolId\": \"eu-west-1_AbCdEf123\", \"ClientName\": \"page\"}"));
        ResourceOutcome withSecret = cognito.create(Requests.create("ServerClient", CognitoResources.USER_POOL_CLIENT,
                "{\"UserPoolId\": \"eu-west-1_AbCdEf123\", \"GenerateSecret\": true}"));

        assertThat(client.physicalId()).matches("[0-9a-z]{26}");
        assertThat(client.attributes()).containsEntry("ClientId", client.physicalId()).containsEntry("Name", "page")
                .doesNotContainKey("ClientSecret");
        assertThat(withSecret.attributes()).containsKey("ClientSecret");
    }

    @Test
    void aDomainIsReferencedByItsNameAndABadOneFailsAsCloudFormationWould() {
        ResourceOutcome domain = cognito.create(Requests.create("Domain", CognitoResources.USER_POOL_DOMAIN,
                "{\"UserPoolId\": \"eu-west-1_AbCdEf123\", \"Domain\": \"movierec-dev-login\"}"));

        assertThat(domain.physicalId()).isEqualTo("movierec-dev-login");
        assertThat(domain.attributes().get("CloudFrontDistribution")).matches("d[0-9a-z]{13}\\.cloudfront\\.net");
        assertThatThrownBy(() -> cognito.create(Requests.create("Domain", CognitoResources.USER_POOL_DOMAIN,
                "{\"UserPoolId\": \"eu-west-1_AbCdEf123\", \"Domain\": \"-Bad\"}")))
                .isInstanceOf(ResourceFailure.class).hasMessageContaining("Domain -Bad");
        assertThatThrownBy(() -> cognito.create(Requests.create("Client", CognitoResources.USER_POOL_CLIENT, "{}")))
                .isInstanceOf(ResourceFailure.class).hasMessageContaining("UserPoolId");
    }
}
