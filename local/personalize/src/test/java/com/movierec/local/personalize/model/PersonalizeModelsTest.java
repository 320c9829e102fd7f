package com.movierec.local.personalize.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the models come from, what is in them that the validator relies on, and how a missing botocore is told. */
class PersonalizeModelsTest {
    @TempDir
    Path dir;

    @Test
    void theThreeModelsAreLoadedOncePerJvmWithTheirProtocols() {
        PersonalizeModels models = PersonalizeModels.load();
        assertThat(PersonalizeModels.load()).isSameAs(models);
        assertThat(models.service("personalize").protocol()).isEqualTo("json");
        assertThat(models.service("personalize").targetPrefix()).isEqualTo("AmazonPersonalize");
        assertThat(models.service("personalize-runtime").protocol()).isEqualTo("rest-json");
        assertThat(models.service("personalize-events").protocol()).isEqualTo("rest-json");
        assertThat(models.byTarget("AmazonPersonalize.CreateSchema")).get()
                .extracting(op -> op.input().name()).isEqualTo("CreateSchemaRequest");
        assertThat(models.byRest("POST", "/events")).get()
                .extracting(op -> op.operation().name()).isEqualTo("PutEvents");
        assertThat(models.byTarget("AmazonPersonalize.NoSuchOperation")).isEmpty();
        assertThat(models.byRest("POST", "/nowhere")).isEmpty();
    }

    /** The validator reads every input member from the JSON body; a header or URI binding would need reading too. */
    @Test
    void noInputMemberIsBoundOutsideTheJsonBody() {
        PersonalizeModels models = PersonalizeModels.load();
        PersonalizeModels.SERVICES.stream().map(models::service).forEach(service -> service.shapes().values()
                .forEach(shape -> assertThat(shape.members().values())
                        .as("%s %s", service.endpointPrefix(), shape.name())
                        .allSatisfy(m -> assertThat(m.location()).isNull())));
    }

    @Test
    void anExplicitDirectoryThatDoesNotExistIsRefusedNamingWhereItCameFrom() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> BotocoreData.locate(missing.toString(), null, "python3"))
                .isInstanceOf(ServiceModelsUnavailableException.class)
                .hasMessage("-Dmovierec.botocore.data names " + missing + ", which is not a directory: point it at "
                        + "botocore's data directory (the one holding personalize/)");
        assertThatThrownBy(() -> BotocoreData.locate(null, missing.toString(), "python3"))
                .hasMessageStartingWith("MOVIEREC_BOTOCORE_DATA names " + missing);
    }

    @Test
    void withoutAPythonToAskTheRefusalSaysToInstallBotocore() {
        assertThatThrownBy(() -> BotocoreData.locate(null, null, dir.resolve("no-python3").toString()))
                .isInstanceOf(ServiceModelsUnavailableException.class)
                .hasMessageContaining("there is no ")
                .hasMessageEndingWith("install it with `pip install botocore` or set MOVIEREC_BOTOCORE_DATA (or "
                        + "-Dmovierec.botocore.data) to botocore's data directory");
    }

    @Test
    void aDataDirectoryWithoutPersonalizeIsRefusedSayingWhatIsMissing() throws Exception {
        Files.createDirectories(dir.resolve("s3/2006-03-01"));
        assertThatThrownBy(() -> PersonalizeModels.loadFrom(dir))
                .isInstanceOf(ServiceModelsUnavailableException.class)
                .hasMessageContaining(dir + " has no personalize/<version>/service-2.json.gz");
    }

    @Test
    void theNewestApiVersionOfAServiceIsUsed() throws Exception {
        Path data = PersonalizeModels.load().source();
        for (String service : PersonalizeModels.SERVICES) {
            Path version = Files.list(data.resolve(service)).sorted().reduce((a, b) -> b).orElseThrow();
            Files.createDirectories(dir.resolve(service));
            Files.createSymbolicLink(dir.resolve(service).resolve(version.getFileName()), version);
        }
        Files.createDirectories(dir.resolve("personalize/2000-01-01"));
        Files.writeString(dir.resolve("personalize/2000-01-01/service-2.json"), "{\"metadata\": {\"protocol\": "
                + "\"query\"}, \"operations\": {}, \"shapes\": {}}");
        assertThat(PersonalizeModels.loadFrom(dir).service("personalize").operations()).containsKey("CreateSchema");
    }
}
