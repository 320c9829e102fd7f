// The movierec page: a user's recommendations (optionally in one genre), similar movies, and "Mark watched".
// Plain ES module, no build step; it only talks to the recommendations API described in openapi.yaml.

const config = { apiBaseUrl: "", apiKey: "", ...(window.MOVIEREC_CONFIG || {}) };

/** Offered in the user id field's suggestions; "new-visitor" is a user the model does not know (the fallback). */
const SAMPLE_USER_IDS = Array.isArray(config.sampleUserIds) && config.sampleUserIds.length > 0
  ? config.sampleUserIds.map(String)
  : ["1", "2", "3", "new-visitor"];
const RECOMMENDATION_COUNT = 25;
const SIMILAR_COUNT = 10;
/** The genre choices come from this many popular movies: the API has no list of genres. */
const GENRE_SOURCE_COUNT = 100;
/** openapi.yaml's Id: letters, digits and _ - . : @, 1 to 256 characters, not only dots. */
const ID_PATTERN = /^(?!\.+$)[A-Za-z0-9_.:@-]{1,256}$/;

const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);

const form = $("user-form");
const userInput = $("user-input");
const genreSelect = $("genre-select");
const genreHint = $("genre-hint");
const errorBox = $("error");
const announcer = $("announcer");
const recommendations = $("recommendations");
const recommendationsSubtitle = $("recommendations-subtitle");
const recommendationsStatus = $("recommendations-status");
const recommendationList = $("recommendation-list");
const fallbackNote = $("fallback-note");
const similarPanel = $("similar-panel");
const similarHint = $("similar-hint");
const selectedMovie = $("selected-movie");
const similarStatus = $("similar-status");
const similarList = $("similar-list");

/** What the recommendations list shows now. */
const shown = { userId: null, genre: "", recommendationId: null, selectedMovieId: null };
let recommendationsRequest = null;
let similarRequest = null;

// ---------------------------------------------------------------------------------------------------------------
// The API

class ApiError extends Error {
  constructor(title, message, { status = 0, code = null, requestId = null } = {}) {
    super(message);
    this.title = title;
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

function apiUrl(path) {
  const base = String(config.apiBaseUrl || "").replace(/\/+$/, "");
  return base + path;
}

/** Calls the API; resolves to the JSON body of a 2xx answer, rejects with an ApiError in plain words. */
async function callApi(path, { method = "GET", body, signal } = {}) {
  const headers = { Accept: "application/json" };
  if (config.apiKey) {
    headers["x-api-key"] = config.apiKey;
  }
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  let response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: "no-store",
    });
  } catch (error) {
    if (error.name === "AbortError") {
      throw error;
    }
    throw new ApiError("The recommendations service could not be reached.",
      "Check your connection (or the API address in config.js) and try again.");
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw errorOf(response, data);
  }
  if (data === null || typeof data !== "object") {
    throw new ApiError("The recommendations service sent an answer this page cannot read.",
      `HTTP ${response.status} without a JSON body.`, { status: response.status });
  }
  return data;
}

/** The API's `{error, message, requestId}` (or API Gateway's `{message}`) as a title and a sentence. */
function errorOf(response, data) {
  const status = response.status;
  const code = data && typeof data.error === "string" ? data.error : null;
  const message = data && typeof data.message === "string" && data.message ? data.message : null;
  const requestId = data && typeof data.requestId === "string" ? data.requestId : null;
  const retryAfter = Number.parseInt(response.headers.get("Retry-After") || "", 10);
  const retry = Number.isFinite(retryAfter) && retryAfter > 0
    ? `Please try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.`
    : "Please try again in a moment.";
  const details = { status, code, requestId };
  if (status === 400) {
    return new ApiError("That request could not be accepted.", message || "The request was malformed.", details);
  }
  if (status === 403) {
    return new ApiError("The recommendations service refused access.",
      (message ? message + " " : "") + "Check the API key in config.js.", details);
  }
  if (status === 404) {
    return new ApiError("Not found.", message || "The service has nothing at this address.", details);
  }
  if (status === 429) {
    return new ApiError("Too many requests right now.", retry, details);
  }
  if (code === "NOT_CONFIGURED") {
    return new ApiError("This feature is not set up in this environment.", message || "", details);
  }
  if (status === 503) {
    return new ApiError("The recommendation service is unavailable right now.", retry, details);
  }
  if (status === 502) {
    return new ApiError("The recommendation service failed to answer.",
      message || "Please try again in a moment.", details);
  }
  return new ApiError("Something went wrong.", message || `The service answered with HTTP status ${status}.`,
    details);
}

const segment = (id) => encodeURIComponent(id);

// ---------------------------------------------------------------------------------------------------------------
// Showing things

function showError(error) {
  const apiError = error instanceof ApiError
    ? error
    : new ApiError("Something went wrong on this page.", String(error && error.message ? error.message : error));
  $("error-title").textContent = apiError.title;
  $("error-message").textContent = apiError.message;
  const reference = $("error-reference");
  reference.textContent = apiError.requestId ? `Reference for support: ${apiError.requestId}` : "";
  reference.hidden = !apiError.requestId;
  errorBox.dataset.status = String(apiError.status || "");
  errorBox.dataset.code = apiError.code || "";
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  $("error-title").textContent = "";
  $("error-message").textContent = "";
  $("error-reference").textContent = "";
}

function announce(text) {
  announcer.textContent = "";
  // A fresh text node is read out even when the sentence repeats.
  window.setTimeout(() => { announcer.textContent = text; }, 50);
}

function formatScore(score) {
  if (typeof score !== "number" || !Number.isFinite(score)) {
    return null;
  }
  return score.toPrecision(3);
}

function element(tag, { className, text, testId, attributes } = {}) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  if (testId) {
    node.dataset.testid = testId;
  }
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  return node;
}

function genreChips(genres) {
  const list = element("ul", { className: "genres", testId: "movie-genres", attributes: { "aria-label": "Genres" } });
  for (const genre of genres || []) {
    list.append(element("li", { className: "genre", text: genre, testId: "movie-genre" }));
  }
  return list;
}

function movieDetails(movie) {
  const details = element("div", { className: "movie-details" });
  const year = movie.year === null || movie.year === undefined ? "year unknown" : String(movie.year);
  details.append(element("span", { className: "year", text: year, testId: "movie-year" }), genreChips(movie.genres));
  return details;
}

/** Popular and similar movies come without scores: such a list shows none rather than a column of dashes. */
function hasScores(movies) {
  return movies.some((movie) => formatScore(movie.score) !== null);
}

function scoreBadge(score) {
  const formatted = formatScore(score);
  const badge = element("span", { className: formatted ? "score" : "score none", testId: "movie-score" });
  badge.append(element("span", { className: "score-label", text: "score" }),
    element("span", { className: "score-value", text: formatted ?? "–", testId: "movie-score-value" }));
  if (!formatted) {
    badge.title = "No score for this movie";
  }
  return badge;
}

/**
 * One movie of a list: its title (a button opening its similar movies), year, genres and, in a list that has
 * scores, its score.
 */
function movieItem(movie, rank, { testId, withScore, withWatchButton }) {
  const item = element("li", { className: "movie", testId });
  item.dataset.movieId = movie.movieId;
  item.append(element("span", { className: "rank", text: String(rank), attributes: { "aria-hidden": "true" } }));

  const main = element("div", { className: "movie-main" });
  const title = element("button", {
    className: "movie-title", text: movie.title, testId: "movie-title",
    attributes: { type: "button", "aria-pressed": String(movie.movieId === shown.selectedMovieId) },
  });
  title.setAttribute("aria-label", `${movie.title}${movie.year ? ` (${movie.year})` : ""}: show similar movies`);
  title.addEventListener("click", () => selectMovie(movie.movieId));
  main.append(title, movieDetails(movie));
  item.append(main);

  const side = element("div", { className: "movie-side" });
  if (withScore) {
    side.append(scoreBadge(movie.score));
  }
  if (withWatchButton) {
    const watch = element("button", {
      className: "secondary watch", text: "Mark watched", testId: "watch-button",
      attributes: { type: "button", "aria-label": `Mark ${movie.title} as watched` },
    });
    watch.addEventListener("click", () => markWatched(movie, watch));
    side.append(watch);
  }
  item.append(side);
  if (movie.movieId === shown.selectedMovieId) {
    item.classList.add("selected");
  }
  return item;
}

function setRecommendationsState(state) {
  recommendations.dataset.state = state;
  recommendations.setAttribute("aria-busy", String(state === "loading"));
}

function setSimilarState(state) {
  similarPanel.dataset.state = state;
  similarPanel.setAttribute("aria-busy", String(state === "loading"));
}

function markSelected() {
  for (const item of document.querySelectorAll(".movie")) {
    const selected = item.dataset.movieId === shown.selectedMovieId;
    item.classList.toggle("selected", selected);
    const title = item.querySelector(".movie-title");
    if (title) {
      title.setAttribute("aria-pressed", String(selected));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Recommendations

/** Loads the recommendations of `userId`, in `genre` ("" for all), replacing the list. */
async function loadRecommendations(userId, genre) {
  if (recommendationsRequest) {
    recommendationsRequest.abort();
  }
  const request = new AbortController();
  recommendationsRequest = request;
  setRecommendationsState("loading");
  recommendationsStatus.textContent = genre
    ? `Loading ${genre} recommendations for user ${userId}…`
    : `Loading recommendations for user ${userId}…`;
  const query = new URLSearchParams({ count: String(RECOMMENDATION_COUNT) });
  if (genre) {
    query.set("genre", genre);
  }
  try {
    const answer = await callApi(`/users/${segment(userId)}/recommendations?${query}`, { signal: request.signal });
    if (recommendationsRequest !== request) {
      return;
    }
    clearError();
    renderRecommendations(userId, genre, answer);
    rememberInAddress(userId, genre);
  } catch (error) {
    if (error.name === "AbortError" || recommendationsRequest !== request) {
      return;
    }
    showError(error);
    showNoRecommendations(userId);
  } finally {
    if (recommendationsRequest === request) {
      recommendationsRequest = null;
      countFinishedLoad();
    }
  }
}

/** data-load-count: how many loads have finished (shown or failed), for tests to wait on. */
function countFinishedLoad() {
  recommendations.dataset.loadCount = String(Number(recommendations.dataset.loadCount || "0") + 1);
}

function renderRecommendations(userId, genre, answer) {
  const items = Array.isArray(answer.items) ? answer.items : [];
  shown.userId = userId;
  shown.genre = genre;
  shown.recommendationId = typeof answer.recommendationId === "string" ? answer.recommendationId : null;
  recommendations.dataset.userId = userId;
  recommendations.dataset.genre = genre;
  recommendations.dataset.fallback = String(answer.fallback === true);

  recommendationsSubtitle.textContent = genre ? `For user ${userId}, in ${genre}` : `For user ${userId}`;
  if (answer.fallback === true) {
    fallbackNote.textContent = `User ${userId} is new to the recommender, so these are the most popular movies`
      + `${genre ? ` in ${genre}` : ""}. Mark a movie watched to start getting personal picks.`;
    fallbackNote.hidden = false;
  } else {
    fallbackNote.hidden = true;
    fallbackNote.textContent = "";
  }
  const withScore = hasScores(items);
  recommendationList.replaceChildren(...items.map((movie, index) =>
    movieItem(movie, index + 1, { testId: "recommendation", withScore, withWatchButton: true })));
  if (items.length === 0) {
    recommendationsStatus.textContent = genre
      ? `No ${genre} movies left to recommend to user ${userId}. Try another genre.`
      : `No movies left to recommend to user ${userId}.`;
  } else {
    const order = answer.fallback === true ? "most popular first" : "best match first";
    recommendationsStatus.textContent = `${items.length} movie${items.length === 1 ? "" : "s"}, ${order}.`;
  }
  setRecommendationsState("loaded");
}

function showNoRecommendations(userId) {
  shown.userId = null;
  shown.recommendationId = null;
  delete recommendations.dataset.userId;
  delete recommendations.dataset.fallback;
  recommendationsSubtitle.textContent = `Nothing to show for “${userId}”: see the message above.`;
  fallbackNote.hidden = true;
  recommendationList.replaceChildren();
  recommendationsStatus.textContent = "";
  setRecommendationsState("error");
}

async function markWatched(movie, button) {
  const userId = shown.userId;
  if (!userId || button.getAttribute("aria-disabled") === "true") {
    return;
  }
  // aria-disabled rather than disabled: a disabled button would lose the keyboard focus.
  button.setAttribute("aria-disabled", "true");
  button.textContent = "Saving…";
  const event = { userId, movieId: movie.movieId };
  // The API records the deployment's own "watched" event type when eventType is absent: the one the
  // recommendations' unwatched filter excludes.
  if (shown.recommendationId && ID_PATTERN.test(shown.recommendationId)) {
    event.recommendationId = shown.recommendationId;
  }
  try {
    await callApi("/events", { method: "POST", body: event });
  } catch (error) {
    showError(error);
    button.removeAttribute("aria-disabled");
    button.textContent = "Mark watched";
    return;
  }
  announce(`Marked ${movie.title} as watched.`);
  if (shown.userId === userId) {
    const hadFocus = document.activeElement === button;
    const position = [...recommendationList.children].findIndex((item) => item.contains(button));
    await loadRecommendations(userId, shown.genre);
    if (hadFocus) {
      // The button went with its movie: keep a keyboard user's place in the list.
      const items = recommendationList.querySelectorAll('[data-testid="watch-button"]');
      const next = items[Math.min(Math.max(position, 0), items.length - 1)];
      (next || document.getElementById("recommendations-heading")).focus();
    }
  }
}

function rememberInAddress(userId, genre) {
  const url = new URL(window.location.href);
  url.searchParams.set("user", userId);
  if (genre) {
    url.searchParams.set("genre", genre);
  } else {
    url.searchParams.delete("genre");
  }
  window.history.replaceState(null, "", url);
}

// ---------------------------------------------------------------------------------------------------------------
// Similar movies

async function selectMovie(movieId) {
  if (similarRequest) {
    similarRequest.abort();
  }
  const request = new AbortController();
  similarRequest = request;
  shown.selectedMovieId = movieId;
  markSelected();
  setSimilarState("loading");
  similarPanel.dataset.movieId = movieId;
  similarStatus.textContent = "Loading similar movies…";
  similarList.replaceChildren();
  try {
    const [movie, similar] = await Promise.all([
      callApi(`/movies/${segment(movieId)}`, { signal: request.signal }),
      callApi(`/movies/${segment(movieId)}/similar?count=${SIMILAR_COUNT}`, { signal: request.signal }),
    ]);
    if (similarRequest !== request) {
      return;
    }
    clearError();
    renderSimilar(movie, similar);
  } catch (error) {
    if (error.name === "AbortError" || similarRequest !== request) {
      return;
    }
    showError(error);
    selectedMovie.hidden = true;
    similarHint.textContent = "Select a movie to see the ones most like it.";
    similarStatus.textContent = "Similar movies could not be loaded.";
    setSimilarState("error");
  } finally {
    if (similarRequest === request) {
      similarRequest = null;
    }
  }
}

function renderSimilar(movie, similar) {
  const heading = element("h3", { className: "selected-title", text: movie.title, testId: "selected-title" });
  selectedMovie.replaceChildren(heading, movieDetails(movie));
  selectedMovie.dataset.movieId = movie.movieId;
  selectedMovie.hidden = false;
  similarHint.textContent = `The movies most like ${movie.title}, most similar first.`;
  const items = Array.isArray(similar.items) ? similar.items : [];
  const withScore = hasScores(items);
  similarList.replaceChildren(...items.map((item, index) =>
    movieItem(item, index + 1, { testId: "similar-item", withScore, withWatchButton: false })));
  similarStatus.textContent = items.length === 0 ? "No similar movies are known for this one." : "";
  setSimilarState("loaded");
}

// ---------------------------------------------------------------------------------------------------------------
// Genres, samples, start-up

/** The genres of the popular movies, as the API spells them, sorted; the API has no list of its own. */
async function loadGenres() {
  try {
    const popular = await callApi(`/movies/popular?count=${GENRE_SOURCE_COUNT}`);
    const genres = new Set();
    for (const movie of Array.isArray(popular.items) ? popular.items : []) {
      for (const genre of Array.isArray(movie.genres) ? movie.genres : []) {
        if (typeof genre === "string" && genre.trim()) {
          genres.add(genre);
        }
      }
    }
    const sorted = [...genres].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
    genreSelect.replaceChildren(new Option("All genres", ""), ...sorted.map((genre) => new Option(genre, genre)));
    genreSelect.disabled = false;
    genreHint.textContent = "Only movies of this genre.";
    genreSelect.dataset.loaded = "true";
  } catch (error) {
    genreHint.textContent = "Genres are unavailable right now; all genres are shown.";
    genreSelect.dataset.loaded = "false";
    showError(error);
  }
}

function offerSampleUsers() {
  const datalist = document.getElementById("sample-user-ids");
  datalist.replaceChildren(...SAMPLE_USER_IDS.map((id) => new Option(id, id)));
  const samples = $("sample-users");
  samples.replaceChildren(...SAMPLE_USER_IDS.map((id) => {
    const button = element("button", {
      className: "link sample-user", text: id, testId: "sample-user",
      attributes: { type: "button", "aria-label": `Show recommendations for user ${id}` },
    });
    button.addEventListener("click", () => {
      userInput.value = id;
      submitUser();
    });
    return button;
  }));
}

/** Shows the recommendations of the typed user id; resolves when they are shown (or the error is). */
async function submitUser() {
  const userId = userInput.value.trim();
  if (!userId) {
    showError(new ApiError("Which user?", "Type a user id first, or pick one of the samples."));
    userInput.focus();
    return;
  }
  if (/^\.+$/.test(userId)) {
    // A path segment of only dots never reaches the API: the browser resolves it as "." or "..".
    if (recommendationsRequest) {
      recommendationsRequest.abort();
      recommendationsRequest = null;
    }
    showError(new ApiError("That request could not be accepted.", "A user id cannot be only dots."));
    showNoRecommendations(userId);
    countFinishedLoad();
    return;
  }
  await loadRecommendations(userId, genreSelect.value);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  submitUser();
});

genreSelect.addEventListener("change", () => {
  if (shown.userId) {
    loadRecommendations(shown.userId, genreSelect.value);
  }
});

async function start() {
  offerSampleUsers();
  await loadGenres();
  const params = new URLSearchParams(window.location.search);
  const genre = params.get("genre");
  if (genre && [...genreSelect.options].some((option) => option.value === genre)) {
    genreSelect.value = genre;
  }
  const user = params.get("user");
  if (user) {
    userInput.value = user;
    await submitUser();
  }
  document.body.dataset.ready = "true";
}

start();
