package com.movierec.e2e.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page as a user sees it, found by its {@code data-testid} hooks. Every action waits, explicitly, until the
 * page shows its outcome: the recommendations panel counts finished loads ({@code data-load-count}) and says what it
 * shows ({@code data-state}, {@code data-user-id}, {@code data-genre}), the similar panel which movie it shows.
 */
final class MoviePage {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final Duration POLL = Duration.ofMillis(50);

    private final WebDriver driver;
    private final URI url;

    MoviePage(WebDriver driver, URI url) {
        this.driver = driver;
        this.url = url;
    }

    /** A movie in one of the page's lists, as shown; {@code score} null when the list shows no scores. */
    record ShownMovie(String movieId, String title, String year, List<String> genres, String score) {
    }

    /** Opens the page afresh and waits until its start-up (the genre choices) is done. */
    MoviePage open() {
        return open("");
    }

    /** Opens the page with a query ({@code ?user=...}) and waits until its start-up is done. */
    MoviePage open(String query) {
        driver.get(url + "/" + query);
        waitFor("the page to start (its genre choices loaded)",
                d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        return this;
    }

    // --- recommendations ---------------------------------------------------------------------------------------

    /** Types a user id and clicks "Show recommendations"; waits until that load has finished (shown or failed). */
    MoviePage showRecommendationsFor(String userId) {
        int loads = loadCount();
        WebElement input = byTestId("user-input");
        input.clear();
        input.sendKeys(userId);
        byTestId("load-button").click();
        awaitLoadAfter(loads, "the recommendations of user " + userId);
        return this;
    }

    /** The same, from the keyboard only: the id typed, then Enter in the field. */
    MoviePage showRecommendationsByKeyboard(String userId) {
        int loads = loadCount();
        WebElement input = byTestId("user-input");
        input.clear();
        input.sendKeys(userId, Keys.ENTER);
        awaitLoadAfter(loads, "the recommendations of user " + userId + " after Enter");
        return this;
    }

    /** Clicks one of the offered sample ids and returns it. */
    String pickSampleUser(int index) {
        int loads = loadCount();
        WebElement sample = allByTestId("sample-user").get(index);
        String id = sample.getText();
        sample.click();
        awaitLoadAfter(loads, "the recommendations of sample user " + id);
        return id;
    }

    MoviePage chooseGenre(String genre) {
        waitFor("the genre choice to be enabled", d -> byTestId("genre-select").isEnabled());
        int loads = loadCount();
        new Select(byTestId("genre-select")).selectByValue(genre);
        awaitLoadAfter(loads, "the recommendations in genre '" + genre + "'");
        return this;
    }

    List<String> genreChoices() {
        waitFor("the genre choice to be enabled", d -> byTestId("genre-select").isEnabled());
        return new Select(byTestId("genre-select")).getOptions().stream()
                .map(option -> option.getDomProperty("value")).filter(value -> !value.isEmpty()).toList();
    }

    /** Clicks "Mark watched" on a recommended movie; waits for the list to be loaded again, or an error. */
    MoviePage markWatched(String movieId) {
        int loads = loadCount();
        recommendation(movieId).findElement(testId("watch-button")).click();
        waitFor("movie " + movieId + " to be recorded as watched and the list loaded again",
                d -> errorShown() || (loadCount() > loads && !"loading".equals(recommendationsState())));
        return this;
    }

    /** The same from the keyboard: Enter on the button. */
    MoviePage markWatchedByKeyboard(String movieId) {
        int loads = loadCount();
        recommendation(movieId).findElement(testId("watch-button")).sendKeys(Keys.ENTER);
        waitFor("movie " + movieId + " to be recorded as watched (Enter) and the list loaded again",
                d -> errorShown() || (loadCount() > loads && !"loading".equals(recommendationsState())));
        return this;
    }

    /** The data-testid of the element that has the keyboard focus. */
    String focusedTestId() {
        return driver.switchTo().activeElement().getDomAttribute("data-testid");
    }

    /** The page's own address, which it keeps up to date with what it shows. */
    String currentQuery() {
        return URI.create(driver.getCurrentUrl()).getRawQuery();
    }

    String recommendationsState() {
        return byTestId("recommendations").getDomAttribute("data-state");
    }

    String shownUserId() {
        return byTestId("recommendations").getDomAttribute("data-user-id");
    }

    String shownGenre() {
        return byTestId("recommendations").getDomAttribute("data-genre");
    }

    List<ShownMovie> recommendations() {
        return movies(byTestId("recommendation-list"), "recommendation");
    }

    List<String> recommendedTitles() {
        return recommendations().stream().map(ShownMovie::title).toList();
    }

    WebElement recommendation(String movieId) {
        return byTestId("recommendation-list").findElement(By.cssSelector(
                "[data-testid='recommendation'][data-movie-id='" + movieId + "']"));
    }

    boolean fallbackNoteShown() {
        return byTestId("fallback-note").isDisplayed();
    }

    String fallbackNote() {
        return byTestId("fallback-note").getText();
    }

    // --- similar movies ----------------------------------------------------------------------------------------

    /** Clicks a recommended movie's title; waits until the panel shows that movie's similar movies. */
    MoviePage openSimilar(String movieId) {
        recommendation(movieId).findElement(testId("movie-title")).click();
        awaitSimilar(movieId);
        return this;
    }

    /** The same from the keyboard: Enter on the focused title. */
    MoviePage openSimilarByKeyboard(String movieId) {
        recommendation(movieId).findElement(testId("movie-title")).sendKeys(Keys.ENTER);
        awaitSimilar(movieId);
        return this;
    }

    private void awaitSimilar(String movieId) {
        waitFor("the similar movies of movie " + movieId, d -> {
            WebElement panel = byTestId("similar-panel");
            return movieId.equals(panel.getDomAttribute("data-movie-id"))
                    && List.of("loaded", "error").contains(panel.getDomAttribute("data-state"));
        });
    }

    String similarState() {
        return byTestId("similar-panel").getDomAttribute("data-state");
    }

    String selectedTitle() {
        return byTestId("selected-movie").findElement(testId("selected-title")).getText();
    }

    String selectedYear() {
        return byTestId("selected-movie").findElement(testId("movie-year")).getText();
    }

    List<String> selectedGenres() {
        return byTestId("selected-movie").findElements(testId("movie-genre")).stream()
                .map(WebElement::getText).toList();
    }

    List<ShownMovie> similarMovies() {
        return movies(byTestId("similar-list"), "similar-item");
    }

    boolean isMarkedSelected(String movieId) {
        WebElement title = recommendation(movieId).findElement(testId("movie-title"));
        return "true".equals(title.getDomAttribute("aria-pressed"));
    }

    // --- errors, layout ----------------------------------------------------------------------------------------

    boolean errorShown() {
        return byTestId("error").isDisplayed();
    }

    /** Everything the error box says, as the user reads it. */
    String errorText() {
        return byTestId("error").getText();
    }

    String errorMessage() {
        return byTestId("error-message").getText();
    }

    /** The bounding box of an element in CSS pixels: [left, top, right, bottom]. */
    double[] box(String testId) {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];",
                byTestId(testId));
        return box.stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** Whether the document is wider than the window (a horizontal scroll bar on a narrow screen). */
    boolean overflowsHorizontally() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
    }

    /** Every URL the page loaded (scripts, styles, API calls), from the browser's resource timing. */
    @SuppressWarnings("unchecked")
    List<String> loadedUrls() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)];");
    }

    String headerText() {
        return driver.findElement(By.cssSelector("header")).getText();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private int loadCount() {
        String count = byTestId("recommendations").getDomAttribute("data-load-count");
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** Waits until a load that started after {@code loads} finished ones has finished too. */
    private void awaitLoadAfter(int loads, String what) {
        waitFor(what, d -> loadCount() > loads && !"loading".equals(recommendationsState()));
    }

    /** An explicit wait whose timeout says what it waited for and what the page showed instead. */
    private <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, POLL)
                .withMessage(() -> "waiting for " + what + "; the page shows: " + describe())
                .until(condition);
    }

    /** The page's state in one line, for failure messages. */
    String describe() {
        try {
            WebElement panel = driver.findElement(testId("recommendations"));
            WebElement error = driver.findElement(testId("error"));
            return "recommendations " + panel.getDomAttribute("data-state") + " (user "
                    + panel.getDomAttribute("data-user-id") + ", genre '" + panel.getDomAttribute("data-genre")
                    + "', " + driver.findElements(testId("recommendation")).size() + " movies, "
                    + panel.getDomAttribute("data-load-count") + " loads), similar panel "
                    + driver.findElement(testId("similar-panel")).getDomAttribute("data-state")
                    + (error.isDisplayed() ? ", error: " + error.getText().replace('\n', ' ') : ", no error");
        } catch (RuntimeException e) {
            return "(cannot be read: " + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    /**
     * The movies of a list as rendered text (innerText: what is on screen), read in one script rather than a
     * WebDriver round trip per field.
     */
    @SuppressWarnings("unchecked")
    private List<ShownMovie> movies(WebElement list, String itemTestId) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                const text = (item, id) => {
                  const node = item.querySelector(`[data-testid="${id}"]`);
                  return node === null ? null : node.innerText.trim();
                };
                return [...arguments[0].querySelectorAll(`[data-testid="${arguments[1]}"]`)].map(item => ({
                  movieId: item.dataset.movieId,
                  title: text(item, "movie-title"),
                  year: text(item, "movie-year"),
                  genres: [...item.querySelectorAll('[data-testid="movie-genre"]')].map(g => g.innerText.trim()),
                  score: text(item, "movie-score-value"),
                }));
                """, list, itemTestId);
        return rows.stream().map(row -> new ShownMovie((String) row.get("movieId"), (String) row.get("title"),
                (String) row.get("year"), List.copyOf((List<String>) row.get("genres")), (String) row.get("score")))
                .toList();
    }

    WebElement byTestId(String id) {
        return waitFor(id + " on the page", ExpectedConditions.presenceOfElementLocated(testId(id)));
    }

    private List<WebElement> allByTestId(String id) {
        waitFor(id + " on the page", ExpectedConditions.presenceOfElementLocated(testId(id)));
        return driver.findElements(testId(id));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + Objects.requireNonNull(id) + "']");
    }
}
