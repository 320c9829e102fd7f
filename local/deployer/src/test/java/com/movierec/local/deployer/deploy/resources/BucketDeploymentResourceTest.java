package com.movierec.local.deployer.deploy.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.deployer.deploy.assembly.AssetCatalog;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CDK's BucketDeployment, S3 bucket and auto-delete-objects providers on the local S3 directory, with assets found
 * through an asset manifest as a synthesized stack has them: one directory asset, one zip file asset.
 */
class BucketDeploymentResourceTest {
    private static final String TYPE = "Custom::CDKBucketDeployment";

    @TempDir
    Path tmp;
    private LocalS3 s3;
    private StackContext stack;
    private BucketDeploymentResource deployments;

    @BeforeEach
    void stage() throws IOException {
        Path assembly = Files.createDirectories(tmp.resolve("cdk.out/assembly-dev"));
        Path directoryAsset = Files.createDirectories(tmp.resolve("cdk.out/asset.aaa"));
        Files.writeString(directoryAsset.resolve("interactions.csv"), "USER_ID\n1\n");
        Files.writeString(directoryAsset.resolve("items.csv"), "ITEM_ID\n1\n");
        try (OutputStream out = Files.newOutputStream(tmp.resolve("cdk.out/asset.bbb.zip"));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("extra/users.csv"));
            zip.write("USER_ID\n1\n".getBytes());
            zip.closeEntry();
        }
        Files.writeString(assembly.resolve("stack.assets.json"), """
                {"files": {
                  "aaa": {"source": {"path": "../asset.aaa", "packaging": "zip"},
                          "destinations": {"d": {"objectKey": "aaa.zip"}}},
                  "bbb": {"source": {"path": "../asset.bbb.zip", "packaging": "file"},
                          "destinations": {"d": {"objectKey": "bbb.zip"}}}}}
                """);
        s3 = new LocalS3(tmp.resolve("s3"));
        stack = new StackContext("data", "arn:aws:cloudformation:eu-west-1:000000000000:stack/data/1", "eu-west-1",
                "000000000000", AssetCatalog.read(assembly.resolve("stack.assets.json")));
        deployments = new BucketDeploymentResource(s3);
        s3.createBucket("data-bucket");
    }

    @Test
    void createCopiesDirectoryAssetsAndExtractsZipAssetsUnderThePrefixPruningOtherObjects() throws IOException {
        Files.createDirectories(s3.prefix("data-bucket", "datasets/v1/"));
        Files.writeString(s3.prefix("data-bucket", "datasets/v1/stale.csv"), "old");

        ResourceOutcome outcome = deployments.create(request(properties("datasets/v1/", "false")));

        assertThat(files()).containsExactly("data-bucket/datasets/v1/extra/users.csv",
                "data-bucket/datasets/v1/interactions.csv", "data-bucket/datasets/v1/items.csv");
        assertThat(outcome.attributes()).containsEntry("DestinationBucketArn", "arn:aws:s3:::data-bucket");
    }

    @Test
    void anUpdateToANewPrefixRemovesTheOldOneUnlessRetainedAndDeleteRemovesItsOwn() {
        ResourceOutcome created = deployments.create(request(properties("datasets/v1/", "false")));
        ResourceRecord v1 = new ResourceRecord("Deployment", TYPE, created.physicalId(),
                Requests.json(properties("datasets/v1/", "false")), created.attributes(), Set.of(), "Delete");

        deployments.update(new ResourceRequest(stack, "Deployment", TYPE, Requests.json(properties("datasets/v2/",
                "false")), v1));
        assertThat(files()).allMatch(file -> file.startsWith("data-bucket/datasets/v2/")).hasSize(3);

        ResourceRecord v2 = new ResourceRecord("Deployment", TYPE, created.physicalId(),
                Requests.json(properties("datasets/v2/", "false")), created.attributes(), Set.of(), "Delete");
        deployments.delete(new ResourceRequest(stack, "Deployment", TYPE, v2.properties(), v2));
        assertThat(files()).isEmpty();
    }

    @Test
    void aBucketWithObjectsCannotBeDeletedUntilAutoDeleteObjectsEmptiedIt() {
        deployments.create(request(properties("datasets/v1/", "true")));
        BucketResource buckets = new BucketResource(s3);
        ResourceRecord bucket = Requests.record("Bucket", "AWS::S3::Bucket", "data-bucket", "{}", Map.of());

        assertThatThrownBy(() -> buckets.delete(Requests.delete(bucket))).isInstanceOf(ResourceFailure.class)
                .hasMessageStartingWith("The bucket you tried to delete is not empty");
        new AutoDeleteObjectsResource(s3).delete(Requests.delete(Requests.record("AutoDelete",
                "Custom::S3AutoDeleteObjects", "x", "{\"BucketName\": \"data-bucket\"}", Map.of())));
        buckets.delete(Requests.delete(bucket));

        assertThat(s3.root().resolve("data-bucket")).doesNotExist();
    }

    @Test
    void anAssetTheManifestDoesNotListIsAClearFailure() {
        assertThatThrownBy(() -> deployments.create(request(properties("p/", "false").replace("bbb.zip", "ccc.zip"))))
                .isInstanceOf(ResourceFailure.class)
                .hasMessage("Custom::CDKBucketDeployment Deployment: no asset of stack data is uploaded as ccc.zip "
                        + "(is the cloud assembly complete?)");
    }

    private ResourceRequest request(String properties) {
        return new ResourceRequest(stack, "Deployment", TYPE, Requests.json(properties), null);
    }

    private static String properties(String prefix, String retainOnDelete) {
        return "{\"SourceObjectKeys\": [\"aaa.zip\", \"bbb.zip\"], \"DestinationBucketName\": \"data-bucket\", "
                + "\"DestinationBucketKeyPrefix\": \"" + prefix + "\", \"Prune\": true, \"RetainOnDelete\": "
                + retainOnDelete + "}";
    }

    private List<String> files() {
        try (Stream<Path> walk = Files.walk(s3.root())) {
            return walk.filter(Files::isRegularFile).map(f -> s3.root().relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
