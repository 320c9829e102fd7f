package com.movierec.local.deployer.deploy.waitcondition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.lifecycle.watcher.SignalBody;
import com.movierec.local.deployer.deploy.resources.Requests;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.ResourceOutcome;
import com.movierec.local.deployer.deploy.resources.ResourceRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitConditionResourceTest {
    private final SignalBoard board = new SignalBoard();
    private final WaitConditionHandleResource handles = new WaitConditionHandleResource(board);
    private final WaitConditionResource conditions = new WaitConditionResource(board);

    @Test
    void aSuccessSignalCompletesTheWaitEvenWhenItCameFirstAndDataMapsUniqueIdToData() {
        String url = handles.create(Requests.create("Handle", "AWS::CloudFormation::WaitConditionHandle", "{}"))
                .physicalId();
        board.signal(url, SignalBody.success("arn:job", "the job is ACTIVE"));

        ResourceOutcome outcome = conditions.create(condition(url, "60"));

        assertThat(url).startsWith("https://waitcondition.localmode.invalid/test-stack/Handle/");
        assertThat(outcome.attributes()).containsEntry("Data", "{\"arn:job\":\"arn:job\"}");
    }

    @Test
    void aFailureSignalFailsWithCloudFormationsMessageAndTheReason() {
        String url = board.open("test-stack", "Handle");
        board.signal(url, SignalBody.failure("arn:job", "Custom::PersonalizeDatasetImportJob j is CREATE FAILED: bad"));

        assertThatThrownBy(() -> conditions.create(condition(url, "60"))).isInstanceOf(ResourceFailure.class)
                .hasMessage("WaitCondition received failed message: 'Custom::PersonalizeDatasetImportJob j is CREATE "
                        + "FAILED: bad' for uniqueId: arn:job");
    }

    @Test
    void noSignalWithinTheTimeoutFails() {
        String url = board.open("test-stack", "Handle");

        assertThatThrownBy(() -> conditions.create(condition(url, "1"))).isInstanceOf(ResourceFailure.class)
                .hasMessage("WaitCondition timed out. Received 0 conditions when expecting 1");
    }

    @Test
    void aHandleRefusesSignalsOnceDeletedAsS3Would() {
        String url = handles.create(Requests.create("Handle", "AWS::CloudFormation::WaitConditionHandle", "{}"))
                .physicalId();
        handles.delete(Requests.delete(Requests.record("Handle", "AWS::CloudFormation::WaitConditionHandle", url, "{}",
                Map.of())));

        assertThatThrownBy(() -> board.signal(url, SignalBody.success("arn:job", "ACTIVE")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 403");
    }

    private static ResourceRequest condition(String url, String timeout) {
        return Requests.create("Condition", "AWS::CloudFormation::WaitCondition",
                "{\"Handle\": \"" + url + "\", \"Timeout\": \"" + timeout + "\", \"Count\": 1}");
    }
}
