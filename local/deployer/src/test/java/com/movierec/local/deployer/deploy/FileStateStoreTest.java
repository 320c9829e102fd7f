package com.movierec.local.deployer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.deployer.deploy.resources.Requests;
import com.movierec.local.deployer.deploy.state.FileStateStore;
import com.movierec.local.deployer.deploy.state.OutputValue;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void aStackStateReadsBackEqualFromItsJsonFile() {
        FileStateStore store = new FileStateStore(dir.resolve("state"));
        ResourceRecord campaign = new ResourceRecord("Campaign", "Custom::PersonalizeCampaign", "arn:c",
                Requests.json("{\"MinProvisionedTPS\": 1, \"Config\": {\"a\": [true, \"x\"]}}"), Map.of("Arn", "arn:c"),
                Set.of("Version", "Filter"), "Delete");
        StackState state = new StackState("movierec-dev-personalize", ResourceStatus.CREATE_COMPLETE,
                Map.of("Campaign", campaign), Map.of("CampaignArn", new OutputValue("arn:c", "export-name"),
                "Plain", new OutputValue("v", null)));

        store.save(state);

        assertThat(dir.resolve("state/movierec-dev-personalize.json")).isRegularFile();
        assertThat(new FileStateStore(dir.resolve("state")).load("movierec-dev-personalize")).hasValue(state);
        assertThat(store.all()).containsExactly(state);
        store.remove("movierec-dev-personalize");
        assertThat(store.load("movierec-dev-personalize")).isEmpty();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void anUnreadableFileSaysHowToStartOverAndAStrangeNameIsRefused() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{");
        FileStateStore store = new FileStateStore(dir);

        assertThatThrownBy(() -> store.load("broken")).hasMessageContaining("delete it to start over");
        assertThatThrownBy(() -> store.load("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
