package com.movierec.infra.personalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aws;

class PersonalizeNamesTest {
    private final PersonalizeNames dev = new PersonalizeNames("dev");

    @Test
    void namesStartWithTheProjectAndTheEnvironment() {
        assertThat(dev.name("dataset-group")).isEqualTo("movierec-dev-dataset-group");
        assertThat(new PersonalizeNames("prod").name("dataset-group")).isEqualTo("movierec-prod-dataset-group");
    }

    @Test
    void immutableValuesAddAnEightDigitHash() {
        assertThat(dev.name("user-personalization", "aws-user-personalization-v2", "hpo=false"))
                .matches("movierec-dev-user-personalization-[0-9a-f]{8}");
    }

    @Test
    void theSameValuesAlwaysGiveTheSameName() {
        assertThat(dev.name("genre", "INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)"))
                .isEqualTo(new PersonalizeNames("dev").name("genre", "INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)"));
    }

    @Test
    void aChangedValueGivesANewName() {
        assertThat(dev.name("related-items", "aws-similar-items", "hpo=false"))
                .isNotEqualTo(dev.name("related-items", "aws-sims", "hpo=false"))
                .isNotEqualTo(dev.name("related-items", "aws-similar-items", "hpo=true"));
    }

    @Test
    void valueBoundariesCountInTheHash() {
        assertThat(dev.name("x", "ab", "c")).isNotEqualTo(dev.name("x", "a", "bc"));
    }

    @Test
    void longNamesAreShortenedToSixtyThreeCharactersAndStayDistinct() {
        PersonalizeNames longest = new PersonalizeNames("abcdefghijkl");
        String first = longest.name("a-very-long-construct-name-that-does-not-fit-in-a-name", "v1");
        String second = longest.name("a-very-long-construct-name-that-does-not-fit-in-a-namex", "v1");

        assertThat(first).hasSizeLessThanOrEqualTo(63).startsWith("movierec-abcdefghijkl-a-very-long")
                .matches(PersonalizeNames.VALID.pattern());
        assertThat(second).hasSizeLessThanOrEqualTo(63).isNotEqualTo(first);
        assertThat(first).isEqualTo(longest.name("a-very-long-construct-name-that-does-not-fit-in-a-name", "v1"));
    }

    @Test
    void everyDerivedNameIsAValidPersonalizeName() {
        for (String env : List.of("dev", "staging", "prod", "abcdefghijkl")) {
            PersonalizeNames names = new PersonalizeNames(env);
            for (String construct : List.of("dataset-group", "interactions-schema", "import-interactions",
                    "user-personalization", "unwatched-in-genre", "event-tracker")) {
                assertThat(names.name(construct)).hasSizeLessThanOrEqualTo(63).matches(PersonalizeNames.VALID.pattern());
                assertThat(names.name(construct, "value")).hasSizeLessThanOrEqualTo(63)
                        .matches(PersonalizeNames.VALID.pattern());
            }
        }
    }

    @Test
    void refusesToHashAValueKnownOnlyAtDeployTime() {
        assertThatThrownBy(() -> dev.name("campaign", Aws.ACCOUNT_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only known at deploy time");
    }

    @Test
    void refusesAConstructPartThatIsNotLowerCaseWithDashes() {
        assertThatThrownBy(() -> dev.name("Dataset_Group"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"Dataset_Group\" cannot be part of a Personalize name");
    }

    @Test
    void theServiceRoleNameCarriesTheRegionBecauseIamNamesAreGlobal() {
        assertThat(dev.serviceRoleName("eu-west-1")).isEqualTo("movierec-dev-personalize-eu-west-1");
    }

    @Test
    void thePrefixIsWhatIamPatternsMatch() {
        assertThat(dev.prefix()).isEqualTo("movierec-dev-");
    }
}
