package com.movierec.e2e.clients;

import com.movierec.local.server.PersonalizeLocalServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one place the external clients (boto3, the AWS CLI) get their credentials, region and nothing else from: a
 * process environment with dummy keys, the server's region, and the user's own AWS configuration kept out. When
 * personalize-local starts checking credentials, the key it accepts goes here.
 */
final class ClientEnvironment {
    static final String ACCESS_KEY_ID = "AKIDPERSONALIZELOCAL";
    static final String SECRET_ACCESS_KEY = "personalize-local-secret";

    private ClientEnvironment() {
    }

    /** @param scratch a directory without AWS files, named as the config and credentials files so none is read */
    static Map<String, String> of(PersonalizeLocalServer server, Path scratch) {
        return Map.of(
                "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
                "AWS_DEFAULT_REGION", server.engine().settings().region(),
                "AWS_CONFIG_FILE", scratch.resolve("aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("aws-credentials").toString(),
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_MAX_ATTEMPTS", "1"); // every answer as the server gave it, not retried
    }
}
