package com.movierec.e2e.clients;

import com.movierec.local.personalize.server.PersonalizeLocalServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one place the external clients (boto3, the AWS CLI) get their credentials, region and nothing else from: a
 * process environment with the access key given, the server's region, and the user's own AWS configuration kept out.
 */
final class ClientEnvironment {
    private ClientEnvironment() {
    }

    /**
     * @param scratch a directory without AWS files, named as the config and credentials files so none is read
     */
    static Map<String, String> of(PersonalizeLocalServer server, Path scratch, String accessKeyId,
                                  String secretAccessKey) {
        return Map.of(
                "AWS_ACCESS_KEY_ID", accessKeyId,
                "AWS_SECRET_ACCESS_KEY", secretAccessKey,
                "AWS_DEFAULT_REGION", server.engine().settings().region(),
                "AWS_CONFIG_FILE", scratch.resolve("aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("aws-credentials").toString(),
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_MAX_ATTEMPTS", "1"); // every answer as the server gave it, not retried
    }

    /** As the account's administrator, whose key {@code account} issued. */
    static Map<String, String> administrator(PersonalizeLocalServer server, Path scratch, FlowAccount account) {
        return of(server, scratch, account.administrator().accessKeyId(), account.administrator().secretAccessKey());
    }

    /** With the administrator's key and a secret that is not its own. */
    static Map<String, String> wrongSecret(PersonalizeLocalServer server, Path scratch, FlowAccount account) {
        return of(server, scratch, account.administrator().accessKeyId(), FlowAccount.WRONG_SECRET_ACCESS_KEY);
    }

    /** With a key the account never issued. */
    static Map<String, String> unknownKey(PersonalizeLocalServer server, Path scratch) {
        return of(server, scratch, FlowAccount.UNKNOWN_ACCESS_KEY_ID, FlowAccount.UNKNOWN_SECRET_ACCESS_KEY);
    }
}
