package com.movierec.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.movierec.e2e.web.ApiCalls.Answer;
import com.movierec.e2e.web.ApiCalls.ApiMovie;
import com.movierec.e2e.web.MoviePage.ShownMovie;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.deployer.run.LambdaLayers;
import com.movierec.local.deployer.run.LocalRun;
import com.movierec.local.deployer.run.RunSettings;
import com.movierec.local.deployer.testing.RepositoryRoot;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The web page (web/) in headless Chromium, on the whole local product: the real dev stage synthesized on generated
 * movie data, deployed into personalize-local and served with the API by {@link LocalRun}. Each test opens the page
 * afresh and uses it as a person would (typing, clicking, the keyboard), then checks what it shows against what the
 * API itself answers for the same request. On a failure, a screenshot and the page's HTML go to
 * {@code target/web-page-failures/}.
 */
class WebPageBrowserTest {
    private static final int WIDE = 1280;
    private static final int HEIGHT = 900;

    @TempDir
    static Path tmp;
    private static LocalRun run;
    private static ChromeDriver driver;
    private static ApiCalls api;
    private static List<String> knownUsers;
    private MoviePage page;

    @RegisterExtension
    static final TestWatcher EVIDENCE_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            HeadlessChromium.saveEvidence(driver, context.getDisplayName());
        }
    };

    @BeforeAll
    static void startTheProductAndTheBrowser() {
        HeadlessChromium.requireInstalled();
        CloudAssembly assembly = SynthesizedDev.base();
        run = LocalRun.start(RunSettings.of(assembly.directory(), tmp.resolve("s3"))
                .withWebRoot(RepositoryRoot.find().resolve("web"))
                .withEngineDelays(Delays.NONE), DeployListener.NONE);
        api = new ApiCalls(run.apiEndpoint());
        knownUsers = deployedKnownUsers(assembly, run.deployment());
        driver = HeadlessChromium.start(tmp.resolve("chromium-profile"), WIDE, HEIGHT);
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessChromium.quitThenClose(driver, run);
    }

    @BeforeEach
    void openThePage() {
        driver.manage().window().setSize(new Dimension(WIDE, HEIGHT));
        page = new MoviePage(driver, run.apiEndpoint()).open();
    }

    @Test
    void aKnownUsersRecommendationsShowTitleYearGenresAndScoreInTheApisOrder() {
        String user = knownUsers.get(0);

        page.showRecommendationsFor(user);

        Answer expected = api.recommendations(user, null);
        assertThat(expected.body().path("fallback").asBoolean(true)).as("user %s is known", user).isFalse();
        assertThat(page.recommendationsState()).isEqualTo("loaded");
        assertThat(page.shownUserId()).isEqualTo(user);
        assertThat(page.errorShown()).isFalse();
        assertThat(page.fallbackNoteShown()).isFalse();
        assertShowsExactly(page.recommendations(), expected.items());
    }

    @Test
    void theGenreChoicesAreThePopularMoviesGenresAndPickingOneShowsOnlyThatGenre() {
        String user = knownUsers.get(0);
        Set<String> popularGenres = new TreeSet<>();
        api.popular(100).items().forEach(movie -> popularGenres.addAll(movie.genres()));
        List<String> choices = page.genreChoices();
        assertThat(choices).containsExactlyInAnyOrderElementsOf(popularGenres)
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        page.showRecommendationsFor(user);
        List<ApiMovie> unfiltered = api.recommendations(user, null).items();
        // A genre that narrows this user's list and still leaves movies to show.
        String genre = choices.stream()
                .filter(g -> unfiltered.stream().anyMatch(movie -> !movie.genres().contains(g)))
                .filter(g -> !api.recommendations(user, g).items().isEmpty())
                .findFirst().orElseThrow();
        page.chooseGenre(genre);

        Answer expected = api.recommendations(user, genre);
        assertThat(page.shownGenre()).isEqualTo(genre);
        assertThat(page.shownUserId()).isEqualTo(user);
        List<ShownMovie> shown = page.recommendations();
        assertThat(shown).isNotEmpty()
                .allSatisfy(movie -> assertThat(movie.genres()).as(movie.title()).contains(genre));
        assertShowsExactly(shown, expected.items());
        assertThat(page.recommendedTitles()).isNotEqualTo(unfiltered.stream().map(ApiMovie::title).toList());

        page.chooseGenre("");
        assertThat(page.recommendedTitles()).isEqualTo(api.recommendations(user, null).titles());
    }

    @Test
    void theAddressKeepsTheUserAndGenreSoAListCanBeOpenedDirectly() {
        String user = knownUsers.get(0);
        String genre = page.genreChoices().get(0);
        page.showRecommendationsFor(user).chooseGenre(genre);
        String query = page.currentQuery();
        assertThat(query).isEqualTo("user=" + ApiCalls.encode(user) + "&genre=" + ApiCalls.encode(genre));

        page.open("?" + query);

        assertThat(page.recommendationsState()).isEqualTo("loaded");
        assertThat(page.shownUserId()).isEqualTo(user);
        assertThat(page.shownGenre()).isEqualTo(genre);
        assertShowsExactly(page.recommendations(), api.recommendations(user, genre).items());
    }

    @Test
    void clickingAMovieShowsItsMetadataAndItsSimilarMovies() {
        page.showRecommendationsFor(knownUsers.get(0));
        ShownMovie clicked = page.recommendations().get(1);

        page.openSimilar(clicked.movieId());

        ApiMovie movie = ApiMovie.of(api.movie(clicked.movieId()).body());
        assertThat(page.similarState()).isEqualTo("loaded");
        assertThat(page.selectedTitle()).isEqualTo(movie.title());
        assertThat(page.selectedYear()).isEqualTo(yearText(movie.year()));
        assertThat(page.selectedGenres()).isEqualTo(movie.genres());
        assertThat(page.isMarkedSelected(clicked.movieId())).isTrue();
        List<ApiMovie> similar = api.similar(clicked.movieId()).items();
        assertThat(similar).as("the API's similar movies").isNotEmpty();
        assertShowsExactly(page.similarMovies(), similar);
        assertThat(page.similarMovies()).extracting(ShownMovie::movieId).doesNotContain(clicked.movieId());
    }

    @Test
    void markingAMovieWatchedRemovesItAndTheListStillShowsMovies() {
        String user = knownUsers.get(1);
        page.showRecommendationsFor(user);
        List<ShownMovie> before = page.recommendations();
        ShownMovie watched = before.get(0);

        page.markWatched(watched.movieId());

        assertThat(page.errorShown()).as("the page shows an error: %s", page.errorText()).isFalse();
        assertThat(page.recommendationsState()).isEqualTo("loaded");
        List<ShownMovie> after = page.recommendations();
        assertThat(after).isNotEmpty().extracting(ShownMovie::movieId).doesNotContain(watched.movieId());
        assertThat(after).extracting(ShownMovie::movieId).contains(before.get(1).movieId());
        Answer now = api.recommendations(user, null);
        assertThat(now.movieIds()).as("the API no longer recommends it either").doesNotContain(watched.movieId());
        assertShowsExactly(after, now.items());
    }

    @Test
    void anUnknownUserGetsThePopularMoviesWithTheFallbackNoteUntilTheyWatchSomething() {
        String stranger = "web-visitor-7f3a";
        assertThat(knownUsers).doesNotContain(stranger);

        page.showRecommendationsFor(stranger);

        Answer expected = api.recommendations(stranger, null);
        assertThat(expected.body().path("fallback").asBoolean()).isTrue();
        assertThat(page.fallbackNoteShown()).isTrue();
        assertThat(page.fallbackNote()).contains(stranger).contains("popular");
        assertShowsExactly(page.recommendations(), expected.items());

        // Their first watched movie makes them known: personal recommendations, without the note or that movie.
        String watched = page.recommendations().get(0).movieId();
        page.markWatched(watched);
        assertThat(page.errorShown()).as("the page shows an error: %s", page.errorText()).isFalse();
        assertThat(page.fallbackNoteShown()).isFalse();
        Answer now = api.recommendations(stranger, null);
        assertThat(now.body().path("fallback").asBoolean(true)).isFalse();
        assertThat(page.recommendations()).isNotEmpty().extracting(ShownMovie::movieId).doesNotContain(watched);
        assertShowsExactly(page.recommendations(), now.items());
    }

    @Test
    void anIllegalUserIdShowsTheApisMessageInsteadOfAList() {
        String illegal = "../x";
        Answer expected = api.get("/users/" + ApiCalls.encode(illegal) + "/recommendations?count=25");
        assertThat(expected.status()).isEqualTo(400);
        String message = expected.body().path("message").asText();
        assertThat(message).isNotBlank();

        page.showRecommendationsFor(illegal);

        assertThat(page.errorShown()).isTrue();
        assertThat(page.errorMessage()).isEqualTo(message);
        assertThat(page.errorText()).contains("could not be accepted");
        assertThat(page.recommendationsState()).isEqualTo("error");
        assertThat(page.recommendations()).isEmpty();
        assertThat(page.headerText()).contains("movierec");

        // Only dots cannot travel in a path (the browser would resolve them): the page says so itself.
        page.showRecommendationsFor("..");
        assertThat(page.errorMessage()).isEqualTo("A user id cannot be only dots.");
        assertThat(page.recommendations()).isEmpty();

        // The next good request clears the message.
        page.showRecommendationsFor(knownUsers.get(0));
        assertThat(page.errorShown()).isFalse();
        assertThat(page.recommendations()).isNotEmpty();
    }

    @Test
    void aSampleIdCanBePickedAndEverythingWorksFromTheKeyboard() {
        String sample = page.pickSampleUser(0);
        assertThat(page.shownUserId()).isEqualTo(sample);
        assertThat(page.recommendedTitles()).isEqualTo(api.recommendations(sample, null).titles());

        String user = knownUsers.get(2);
        page.showRecommendationsByKeyboard(user);
        assertThat(page.shownUserId()).isEqualTo(user);
        assertThat(page.recommendedTitles()).isEqualTo(api.recommendations(user, null).titles());

        String movieId = page.recommendations().get(0).movieId();
        page.openSimilarByKeyboard(movieId);
        assertThat(page.similarMovies()).extracting(ShownMovie::title)
                .isEqualTo(api.similar(movieId).titles());

        page.markWatchedByKeyboard(movieId);
        assertThat(page.errorShown()).as("the page shows an error: %s", page.errorText()).isFalse();
        assertThat(page.recommendations()).isNotEmpty().extracting(ShownMovie::movieId).doesNotContain(movieId);
        assertThat(page.focusedTestId()).as("the keyboard focus stays in the list").isEqualTo("watch-button");
    }

    @Test
    void twoColumnsOnAWideScreenOneOnANarrowOneWithoutSidewaysScrolling() {
        page.showRecommendationsFor(knownUsers.get(0));
        double[] list = page.box("recommendations");
        double[] similar = page.box("similar-panel");
        assertThat(similar[0]).as("the similar panel is right of the list").isGreaterThanOrEqualTo(list[2]);
        assertThat(page.overflowsHorizontally()).isFalse();

        driver.manage().window().setSize(new Dimension(380, HEIGHT));
        page.open().showRecommendationsFor(knownUsers.get(0));
        list = page.box("recommendations");
        similar = page.box("similar-panel");
        assertThat(similar[1]).as("the similar panel is under the list").isGreaterThanOrEqualTo(list[3]);
        assertThat(page.overflowsHorizontally()).as("sideways scrolling at 380 px").isFalse();
        assertThat(page.box("watch-button")[2]).as("the first Mark watched button fits")
                .isLessThanOrEqualTo(list[2]);
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndHasNoInlineCode() throws IOException {
        page.showRecommendationsFor(knownUsers.get(0));
        String origin = run.apiEndpoint().toString();
        assertThat(page.loadedUrls()).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin + "/"));

        // Content-Security-Policy friendly: scripts and styles only from files, no handlers in attributes.
        Path web = RepositoryRoot.find().resolve("web");
        String html = Files.readString(web.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("<style\\b").doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("(?i)https?://");
        String js = Files.readString(web.resolve("app.js"), StandardCharsets.UTF_8);
        assertThat(js).doesNotContain("innerHTML").doesNotContain("eval(").doesNotContain("new Function")
                .doesNotContainPattern("setAttribute\\(\\s*\"style\"");
        assertThat(Files.readString(web.resolve("styles.css"), StandardCharsets.UTF_8))
                .doesNotContain("@import").doesNotContainPattern("url\\(");
    }

    /**
     * The page shows exactly the API's movies, in its order, each with its title, year, genres and score; a list
     * without any score (popular, similar movies) shows none, and a movie without one in a scored list a dash.
     */
    private static void assertShowsExactly(List<ShownMovie> shown, List<ApiMovie> expected) {
        assertThat(shown).extracting(ShownMovie::movieId).as("movie ids in order")
                .isEqualTo(expected.stream().map(ApiMovie::movieId).toList());
        boolean scored = expected.stream().anyMatch(movie -> movie.score() != null);
        for (int i = 0; i < shown.size(); i++) {
            ShownMovie movie = shown.get(i);
            ApiMovie api = expected.get(i);
            assertThat(movie.title()).as("title of %s", api.movieId()).isEqualTo(api.title());
            assertThat(movie.year()).as("year of %s", api.title()).isEqualTo(yearText(api.year()));
            assertThat(movie.genres()).as("genres of %s", api.title()).isEqualTo(api.genres());
            if (!scored) {
                assertThat(movie.score()).as("a score for %s in a list without scores", api.title()).isNull();
            } else if (api.score() == null) {
                assertThat(movie.score()).as("no score for %s", api.title()).isEqualTo("–");
            } else {
                // Three significant digits of the API's score.
                double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(api.score()))) - 2);
                assertThat(Double.parseDouble(movie.score())).as("score of %s", api.title())
                        .isCloseTo(api.score(), within(unit / 2 * 1.0001));
            }
        }
    }

    private static String yearText(Integer year) {
        return year == null ? "year unknown" : String.valueOf(year);
    }

    /** The user ids the deployed API knows, from the known-users file of its Lambda layer as the synth staged it. */
    private static List<String> deployedKnownUsers(CloudAssembly assembly, StageDeployment deployment) {
        String file = deployment.apiEnvironment().get("KNOWN_USERS_FILE");
        Path path = LambdaLayers.of(assembly.stage(SynthesizedDev.STAGE), StageDeployment.API_HANDLER).resolve(file);
        try {
            Set<String> seen = new HashSet<>();
            List<String> users = Files.readAllLines(path, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).filter(seen::add).toList();
            assertThat(users).as("known users in %s", path).hasSizeGreaterThanOrEqualTo(3);
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
