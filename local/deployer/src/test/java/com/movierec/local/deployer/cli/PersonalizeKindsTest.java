package com.movierec.local.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.deployer.deploy.ResourceStatus;
import org.junit.jupiter.api.Test;

class PersonalizeKindsTest {
    @Test
    void aPersonalizeTypeReadsAsWordsAndAnyOtherTypeStaysAsItIs() {
        assertThat(PersonalizeKinds.label("Custom::PersonalizeSolutionVersion")).isEqualTo("solution version");
        assertThat(PersonalizeKinds.label("Custom::PersonalizeDatasetImportJob")).isEqualTo("dataset import job");
        assertThat(PersonalizeKinds.label("Custom::PersonalizeCampaign")).isEqualTo("campaign");
        assertThat(PersonalizeKinds.label("AWS::IAM::Role")).isEqualTo("AWS::IAM::Role");
        assertThat(PersonalizeKinds.isPersonalize("Custom::Personalize")).isFalse();
    }

    @Test
    void theJobsACreateStartsAreImportAndTrainingAndEveryOtherWaitIsItsOperation() {
        assertThat(PersonalizeKinds.activity("Custom::PersonalizeDatasetImportJob", ResourceStatus.CREATE_IN_PROGRESS))
                .isEqualTo("import");
        assertThat(PersonalizeKinds.activity("Custom::PersonalizeSolutionVersion", ResourceStatus.UPDATE_IN_PROGRESS))
                .isEqualTo("training");
        assertThat(PersonalizeKinds.activity("Custom::PersonalizeSolutionVersion", ResourceStatus.DELETE_IN_PROGRESS))
                .isEqualTo("deleting");
        assertThat(PersonalizeKinds.activity("Custom::PersonalizeCampaign", ResourceStatus.CREATE_IN_PROGRESS))
                .isEqualTo("creating");
        assertThat(PersonalizeKinds.activity("AWS::S3::Bucket", ResourceStatus.UPDATE_IN_PROGRESS))
                .isEqualTo("updating");
    }

    @Test
    void aPersonalizeArnIsNamedByWhatFollowsItsResourceTypeAndAnythingElseByItself() {
        String arn = "arn:aws:personalize:eu-west-1:000000000000:";
        assertThat(PersonalizeKinds.name(arn + "campaign/movierec-dev-user-personalization-45623678"))
                .isEqualTo("movierec-dev-user-personalization-45623678");
        assertThat(PersonalizeKinds.name(arn + "solution/movierec-dev-ranking-1bb40832/34ea1539"))
                .isEqualTo("movierec-dev-ranking-1bb40832/34ea1539");
        assertThat(PersonalizeKinds.name("movierec-dev-data-bucket")).isEqualTo("movierec-dev-data-bucket");
    }
}
