package com.movierec.api.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeevents.endpoints.PersonalizeEventsEndpointParams;
import software.amazon.awssdk.services.personalizeevents.endpoints.PersonalizeEventsEndpointProvider;
import software.amazon.awssdk.services.personalizeruntime.endpoints.PersonalizeRuntimeEndpointParams;
import software.amazon.awssdk.services.personalizeruntime.endpoints.PersonalizeRuntimeEndpointProvider;

/** The explicit client settings give what the SDK's own discovery would have given, without the discovery. */
class PersonalizeClientsTest {
    private static final PersonalizeRuntimeEndpointProvider RUNTIME_RULES = PersonalizeRuntimeEndpointProvider.defaultProvider();
    private static final PersonalizeEventsEndpointProvider EVENTS_RULES = PersonalizeEventsEndpointProvider.defaultProvider();

    @Test
    void theFixedRegionalEndpointIsWhatTheSdkRulesGiveInEveryStandardRegion() {
        int standardRegions = 0;
        for (Region region : Region.regions()) {
            if (PersonalizeClients.regionalEndpoint("personalize-runtime", region.id()) == null) {
                continue;
            }
            standardRegions++;
            PersonalizeRuntimeEndpointParams runtime = runtimeParams(region, null, false, false);
            Endpoint expected = RUNTIME_RULES.resolveEndpoint(runtime).join();
            Endpoint actual = PersonalizeClients.runtimeEndpoints(region.id()).resolveEndpoint(runtime).join();
            assertThat(actual.url()).as(region.id()).isEqualTo(expected.url());
            assertThat(expected.headers()).as("the rules add headers in %s", region.id()).isEmpty();

            PersonalizeEventsEndpointParams events = eventsParams(region, null, false, false);
            assertThat(PersonalizeClients.eventsEndpoints(region.id()).resolveEndpoint(events).join().url())
                    .as(region.id()).isEqualTo(EVENTS_RULES.resolveEndpoint(events).join().url());
        }
        assertThat(standardRegions).isGreaterThan(25);
        assertThat(PersonalizeClients.regionalEndpoint("personalize-runtime", "eu-west-1"))
                .isEqualTo(URI.create("https://personalize-runtime.eu-west-1.amazonaws.com"));
    }

    @Test
    void otherPartitionsFipsDualStackAndOverridesGetExactlyTheRulesAnswer() {
        for (String id : new String[] {"cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1",
                "eusc-de-east-1", "aws-global", "us-east-1-fips", "local"}) {
            assertThat(PersonalizeClients.regionalEndpoint("personalize-runtime", id)).as(id).isNull();
        }
        for (String id : new String[] {"cn-north-1", "us-gov-west-1", "us-east-1", "eu-central-1"}) {
            Region region = Region.of(id);
            for (String override : new String[] {null, "http://127.0.0.1:4566", "https://personalize.example.com/prefix"}) {
                for (boolean fips : new boolean[] {false, true}) {
                    for (boolean dualStack : new boolean[] {false, true}) {
                        PersonalizeRuntimeEndpointParams runtime = runtimeParams(region, override, fips, dualStack);
                        assertSameOutcome(() -> RUNTIME_RULES.resolveEndpoint(runtime).join().url(),
                                () -> PersonalizeClients.runtimeEndpoints(id).resolveEndpoint(runtime).join().url());
                        PersonalizeEventsEndpointParams events = eventsParams(region, override, fips, dualStack);
                        assertSameOutcome(() -> EVENTS_RULES.resolveEndpoint(events).join().url(),
                                () -> PersonalizeClients.eventsEndpoints(id).resolveEndpoint(events).join().url());
                    }
                }
            }
        }
    }

    @Test
    void aRequestForAnotherRegionThanTheConfiguredOneGoesToTheRules() {
        PersonalizeRuntimeEndpointParams params = runtimeParams(Region.US_WEST_2, null, false, false);
        assertThat(PersonalizeClients.runtimeEndpoints("eu-west-1").resolveEndpoint(params).join().url())
                .isEqualTo(URI.create("https://personalize-runtime.us-west-2.amazonaws.com"));
    }

    @Test
    void credentialsComeFromWhatIsSetInTheDefaultChainsOrderWithoutBuildingTheChain() {
        Properties none = new Properties();
        Properties keys = new Properties();
        keys.setProperty("aws.accessKeyId", "AKIDSYSTEM");
        Map<String, String> lambda = Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "s",
                "AWS_SESSION_TOKEN", "t");
        Map<String, String> snapStart = Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token");

        assertThat(PersonalizeClients.credentialsProvider(lambda, keys)).isInstanceOf(SystemPropertyCredentialsProvider.class);
        assertThat(PersonalizeClients.credentialsProvider(lambda, none))
                .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        assertThat(PersonalizeClients.credentialsProvider(snapStart, none)).isInstanceOf(ContainerCredentialsProvider.class)
                .isSameAs(PersonalizeClients.credentialsProvider(snapStart, none));
        assertThat(PersonalizeClients.credentialsProvider(Map.of(), none)).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(PersonalizeClients.credentialsProvider(Map.of("AWS_ACCESS_KEY_ID", " "), none))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }

    private static void assertSameOutcome(java.util.concurrent.Callable<URI> expected, java.util.concurrent.Callable<URI> actual) {
        Object want;
        Object got;
        try {
            want = expected.call();
        } catch (Exception e) {
            want = e.getClass();
        }
        try {
            got = actual.call();
        } catch (Exception e) {
            got = e.getClass();
        }
        assertThat(got).isEqualTo(want);
    }

    private static PersonalizeRuntimeEndpointParams runtimeParams(Region region, String endpoint, boolean fips,
            boolean dualStack) {
        return PersonalizeRuntimeEndpointParams.builder().region(region).endpoint(endpoint).useFips(fips)
                .useDualStack(dualStack).build();
    }

    private static PersonalizeEventsEndpointParams eventsParams(Region region, String endpoint, boolean fips,
            boolean dualStack) {
        return PersonalizeEventsEndpointParams.builder().region(region).endpoint(endpoint).useFips(fips)
                .useDualStack(dualStack).build();
    }
}
