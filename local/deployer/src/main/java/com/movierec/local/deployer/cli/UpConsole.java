package com.movierec.local.deployer.cli;

import java.io.PrintWriter;
import com.movierec.local.personalize.iam.AccessLog;
import java.net.URI;
import java.util.List;
import java.util.Map;
import com.movierec.local.deployer.auth.TestUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code up} tells the user between the deploy's own lines, phase by phase: the one place that says how to reach
 * and stop the running product, so further facts about it (endpoints, names) go in here.
 */
final class UpConsole {
    private final PrintWriter out;

    UpConsole(PrintWriter out) {
        this.out = out;
    }

    void deploying(String stage, Path cdkOut, Path deployLog) {
        out.println("==> Deploying stage " + stage + " of " + cdkOut + " into personalize-local (the Personalize "
                + "stack's custom resources run through the lifecycle handlers)");
        line("    Every stack event goes to " + deployLog + " (--verbose prints them here too)");
    }

    void deployed(Duration took) {
        line(String.format(Locale.ROOT, "==> Deployed in %.1f s", took.toMillis() / 1000.0));
    }

    void metrics(String table) {
        out.println("==> Offline metrics of the served models (GetSolutionMetrics: 10% of users held out, their "
                + "newest 10% of interactions to predict)");
        out.print(table);
        out.flush();
    }

    void serving(URI page, URI endpoint, Path apiLog, boolean keepOnExit) {
        out.println("==> Serving the web page at " + page + " and the API at " + endpoint + " (e.g. " + endpoint
                + "/users/1/recommendations)");
        line("    Each request is logged to " + apiLog + ". Ctrl-C stops"
                + (keepOnExit ? "." : ", after deleting the stage's resources."));
    }

    /**
     * How to sign in to the page: its address (localhost, as Cognito takes plain http only there), the local managed
     * login, the test user's username, password and MovieLens user id; and a warning when the page's address is not
     * one of the app client's callback URLs, as managed login will then refuse the sign-in as Cognito would.
     */
    void signIn(URI page, URI managedLogin, TestUser user, List<String> callbackUrls) {
        out.println("==> Sign in to the page at " + page + " with the local user pool's test user (managed login at "
                + managedLogin + "):");
        out.println("    username " + user.username() + "   password " + user.password() + "   (MovieLens user "
                + user.movieLensUserId() + ")");
        if (!callbackUrls.contains(page.toString())) {
            out.println("    warning: " + page + " is not one of the app client's callback URLs " + callbackUrls
                    + ", so sign-in is refused (redirect_mismatch) as Cognito would: add it to api.jwt.callbackUrls "
                    + "in cdk.json, or serve on the port of one of them");
        }
        out.flush();
    }

    /**
     * How to call personalize-local the way Personalize's documentation does: its endpoint, the administrator's key
     * (the only one a person has; any other is refused as AWS refuses an unknown key), the deployed campaigns and
     * filters, and a ready AWS CLI line.
     */
    void personalize(URI endpoint, String region, String accessKeyId, String secretAccessKey,
                     Map<String, String> arns) {
        out.println("==> personalize-local answers Personalize's APIs at " + endpoint + " (region " + region
                + "), with IAM enforced as AWS enforces it; call it as the local administrator:");
        out.println("    export AWS_ACCESS_KEY_ID=" + accessKeyId + " AWS_SECRET_ACCESS_KEY=" + secretAccessKey
                + " AWS_DEFAULT_REGION=" + region);
        arns.forEach((name, arn) -> out.println("    " + name + " = " + arn));
        arns.entrySet().stream().filter(e -> e.getKey().equals("UserPersonalizationCampaignArn")).findFirst()
                .ifPresent(campaign -> out.println("    aws personalize-runtime get-recommendations --endpoint-url "
                        + endpoint + " --campaign-arn " + campaign.getValue() + " --user-id 1 --num-results 5"));
        out.flush();
    }

    /** {@code reason}: what asked to stop, e.g. {@code SIGTERM}. */
    void stopping(String reason, String stage, boolean deleting) {
        line(deleting ? "==> " + reason + ": deleting stage " + stage + " (cdk destroy's order)"
                : "==> " + reason + ": stopping without deleting stage " + stage + " (--keep-on-exit)");
    }

    /** After the Delete path: what the engine still holds, counted from its state. */
    void resourcesLeft(int resources) {
        line("==> personalize-local: " + resources + (resources == 1 ? " resource" : " resources") + " left");
    }

    /** What IAM decided over the whole run: the distinct calls it checked, and every one it denied, in AWS's words. */
    void iam(AccessLog log) {
        Map<AccessLog.Call, Long> calls = log.calls();
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        line("==> IAM: " + total + " calls checked (" + calls.size() + " distinct), " + log.denied().size()
                + " denied");
        log.denied().forEach(call -> line("    denied: " + call.denial()));
    }

    void stopped() {
        line("==> Stopped");
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
