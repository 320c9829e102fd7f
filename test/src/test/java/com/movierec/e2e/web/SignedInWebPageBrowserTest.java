package com.movierec.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.e2e.web.ApiCalls.Answer;
import com.movierec.local.deployer.auth.TestUser;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.run.LocalRun;
import com.movierec.local.deployer.run.RunSettings;
import com.movierec.local.deployer.testing.RepositoryRoot;
import com.movierec.local.deployer.testing.SynthesizedDev;
import com.movierec.local.personalize.engine.Delays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page with sign-in (auth {@code jwt}) in headless Chromium on the whole local product: a dev stage with a
 * Cognito user pool, app client, managed login domain and Cognito authorizer on every method
 * ({@code SynthesizedDev.withSignIn}), deployed by {@link LocalRun}, which serves the page's config.json, the local
 * managed login and the test user. The page is opened at {@code http://localhost:PORT/}, the app client's callback
 * URL; the test signs in on the managed login form as a person would.
 */
class SignedInWebPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path tmp;
    private static LocalRun run;
    private static ChromeDriver driver;
    private static URI page;
    private static TestUser user;

    @RegisterExtension
    static final TestWatcher EVIDENCE_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            HeadlessChromium.saveEvidence(driver, context.getDisplayName());
        }
    };

    @BeforeAll
    static void startTheProductAndTheBrowser() throws IOException {
        HeadlessChromium.requireInstalled();
        int port = freePort();
        run = LocalRun.start(RunSettings.of(SynthesizedDev.withSignIn(port).directory(), tmp.resolve("s3"))
                .withApiPort(port).withWebRoot(RepositoryRoot.find().resolve("web"))
                .withEngineDelays(Delays.NONE).withTestUserId("1"), DeployListener.NONE);
        page = URI.create("http://localhost:" + port + "/");
        user = run.testUser().orElseThrow(() -> new AssertionError("the stage has sign-in but up made no test user"));
        driver = HeadlessChromium.start(tmp.resolve("chromium-profile"), 1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessChromium.quitThenClose(driver, run);
    }

    @Test
    void theTestUserSignsInSeesTheirRecommendationsMarksOneWatchedAndSignsOut() {
        driver.manage().deleteAllCookies();
        driver.get(page.toString());
        await("the page to start signed out", d -> "signed-out".equals(body(d, "data-auth")));
        assertThat(driver.findElement(By.cssSelector("[data-testid='user-field']")).isDisplayed())
                .as("no user id field when users sign in").isFalse();

        signInOnManagedLogin();

        await("the signed-in user's recommendations", d -> "signed-in".equals(body(d, "data-auth"))
                && "loaded".equals(testId(d, "recommendations").getDomAttribute("data-state")));
        assertThat(testId(driver, "signed-in-user").getText()).contains(user.username())
                .contains("MovieLens user " + user.movieLensUserId());
        MoviePage movies = new MoviePage(driver, URI.create(page.toString().replaceAll("/$", "")));
        assertThat(movies.shownUserId()).isEqualTo(user.movieLensUserId());
        assertThat(driver.getCurrentUrl()).as("the code and state leave the address").doesNotContain("code=");
        ApiCalls api = new ApiCalls(run.apiEndpoint(), this::idToken);
        Answer expected = api.recommendations(user.movieLensUserId(), null);
        assertThat(expected.status()).isEqualTo(200);
        assertThat(expected.body().path("fallback").asBoolean(true)).isFalse();
        assertThat(movies.recommendations()).extracting(MoviePage.ShownMovie::movieId)
                .isEqualTo(expected.movieIds());

        String watched = movies.recommendations().get(0).movieId();
        movies.markWatched(watched);
        assertThat(movies.errorShown()).as("the page shows an error: %s", movies.errorText()).isFalse();
        assertThat(movies.recommendations()).isNotEmpty().extracting(MoviePage.ShownMovie::movieId)
                .doesNotContain(watched);
        assertThat(api.recommendations(user.movieLensUserId(), null).movieIds()).doesNotContain(watched);

        testId(driver, "sign-out-button").click();
        await("the page to be signed out again", d -> "signed-out".equals(body(d, "data-auth"))
                && d.getCurrentUrl().startsWith(page.toString()));
        assertThat(sessionTokens()).as("the tokens left sessionStorage").isNull();
        // Sign-out ended managed login's session: signing in again asks for the password.
        testId(driver, "sign-in-button").click();
        await("managed login's form after sign-out", d -> !d.findElements(By.id("signInFormPassword")).isEmpty());
    }

    @Test
    void aWrongPasswordStaysOnManagedLoginWithCognitosMessage() {
        driver.manage().deleteAllCookies();
        driver.get(page.toString());
        await("the page to start signed out", d -> "signed-out".equals(body(d, "data-auth")));
        testId(driver, "sign-in-button").click();
        await("managed login's form", d -> !d.findElements(By.id("signInFormPassword")).isEmpty());
        driver.findElement(By.id("signInFormUsername")).sendKeys(user.username());
        driver.findElement(By.id("signInFormPassword")).sendKeys("not-" + user.password());
        driver.findElement(By.id("signInSubmitButton")).click();

        await("the refusal", d -> !d.findElements(By.id("loginErrorMessage")).isEmpty());
        assertThat(driver.findElement(By.id("loginErrorMessage")).getText())
                .isEqualTo("Incorrect username or password.");
    }

    @Test
    void thePagesPolicyAllowsTheSignInsOriginForItsCallsAndNothingElse() throws Exception {
        URI managedLogin = run.signInEndpoint().orElseThrow();
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(page).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("connect-src 'self' " + managedLogin)
                .doesNotContain("script-src").doesNotContain("unsafe");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void signInOnManagedLogin() {
        testId(driver, "sign-in-button").click();
        await("managed login's form", d -> !d.findElements(By.id("signInFormPassword")).isEmpty());
        assertThat(driver.getCurrentUrl()).startsWith(run.signInEndpoint().orElseThrow() + "/oauth2/authorize?")
                .contains("code_challenge_method=S256");
        driver.findElement(By.id("signInFormUsername")).sendKeys(user.username());
        driver.findElement(By.id("signInFormPassword")).sendKeys(user.password());
        driver.findElement(By.id("signInSubmitButton")).click();
    }

    /** The ID token the page holds, from its sessionStorage. */
    private String idToken() {
        String stored = sessionTokens();
        assertThat(stored).as("the page's tokens").isNotNull();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored).path("idToken").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sessionTokens() {
        return (String) driver.executeScript("return sessionStorage.getItem('movierec.tokens');");
    }

    private static String body(WebDriver d, String attribute) {
        return d.findElement(By.tagName("body")).getDomAttribute(attribute);
    }

    private static org.openqa.selenium.WebElement testId(WebDriver d, String id) {
        return d.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static <T> void await(String what, java.util.function.Function<WebDriver, T> condition) {
        new WebDriverWait(driver, WAIT, Duration.ofMillis(50))
                .withMessage(() -> "waiting for " + what + "; the browser is at " + driver.getCurrentUrl())
                .until(condition);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
