// The movierec page: a user's recommendations (optionally in one genre), similar movies, and "Mark watched".
// Plain ES module, no build step; it only talks to the recommendations API described in openapi.yaml, and with
// auth "jwt" to the user pool's sign-in (authorization code with PKCE).

/**
 * The runtime config, config.json next to this file (generated at deploy, and by local mode's `up`): apiBase ("/api"
 * or the API's URL), auth ("jwt", "apiKey" or "iam"), region, and for jwt userPoolId, clientId and authDomain.
 */
const config = { apiBase: "", auth: "apiKey", region: null, userPoolId: null, clientId: null, authDomain: null };

/** Offered in the user id field's suggestions; "new-visitor" is a user the model does not know (the fallback). */
const SAMPLE_USER_IDS = ["1", "2", "3", "new-visitor"];
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
  const base = String(config.apiBase || "").replace(/\/+$/, "");
  return base + path;
}

/** Calls the API; resolves to the JSON body of a 2xx answer, rejects with an ApiError in plain words. */
async function callApi(path, { method = "GET", body, signal } = {}) {
  let response = await send(path, { method, body, signal });
  if (response.status === 401 && config.auth === "jwt" && await auth.refresh()) {
    // An ID token that expired since the last refresh: once more with the new one.
    response = await send(path, { method, body, signal });
  }
  if (response.status === 401 && config.auth === "jwt") {
    auth.forget();
    showSignedOut();
  }
  return answerOf(response);
}

async function send(path, { method, body, signal }) {
  const headers = { Accept: "application/json" };
  if (config.auth === "jwt" && auth.tokens) {
    // The ID token alone, as the API's Cognito authorizer reads it from Authorization.
    headers.Authorization = auth.tokens.idToken;
  }
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  try {
    return await fetch(apiUrl(path), {
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
      "Check your connection and try again.");
  }
}

async function answerOf(response) {
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
  if (status === 401) {
    return new ApiError("Please sign in again.", "Your sign-in has expired or is no longer valid.", details);
  }
  if (status === 403) {
    return new ApiError("The recommendations service refused access.", message
      || (config.auth === "jwt" ? "Your account may not do this." : "This page sends no API key, which the API wants."),
      details);
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
  if (config.auth === "jwt") {
    // The user is the signed-in one: only the genre belongs in the address.
    url.searchParams.delete("user");
  } else {
    url.searchParams.set("user", userId);
  }
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
  if (config.auth === "jwt") {
    if (auth.tokens) {
      loadRecommendations(signedInUserId(), genreSelect.value);
    }
    return;
  }
  submitUser();
});

genreSelect.addEventListener("change", () => {
  if (shown.userId) {
    loadRecommendations(shown.userId, genreSelect.value);
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Sign-in (auth "jwt"): authorization code with PKCE against the user pool's managed login (authDomain)

/**
 * The tokens live in sessionStorage: they survive a reload and the sign-in's own redirect in this tab, go when the tab
 * closes, are never sent by the browser on its own (unlike a cookie, so no cross-site request can use them) and are
 * not shared with other tabs. Scripts of this origin can read them, which is why the Content-Security-Policy admits
 * only this page's own files.
 */
const TOKENS_KEY = "movierec.tokens";
/** The PKCE verifier and state of a sign-in under way, until its redirect comes back. */
const PENDING_KEY = "movierec.signin";
/** Refresh this long before the ID token expires. */
const REFRESH_MARGIN_MS = 60_000;

const auth = {
  tokens: null,
  refreshTimer: null,
  refreshing: null,

  restore() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(TOKENS_KEY) || "null");
      if (stored && typeof stored.idToken === "string") {
        this.tokens = { ...stored, claims: claimsOf(stored.idToken) };
      }
    } catch {
      this.forget();
    }
  },

  store(answer, previousRefreshToken) {
    const claims = claimsOf(answer.id_token);
    this.tokens = {
      idToken: answer.id_token,
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token || previousRefreshToken || null,
      expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : Date.now() + answer.expires_in * 1000,
      claims,
    };
    const { claims: _, ...kept } = this.tokens;
    sessionStorage.setItem(TOKENS_KEY, JSON.stringify(kept));
    this.scheduleRefresh();
  },

  forget() {
    this.tokens = null;
    sessionStorage.removeItem(TOKENS_KEY);
    window.clearTimeout(this.refreshTimer);
  },

  scheduleRefresh() {
    window.clearTimeout(this.refreshTimer);
    if (!this.tokens) {
      return;
    }
    const wait = Math.max(this.tokens.expiresAt - Date.now() - REFRESH_MARGIN_MS, 5_000);
    this.refreshTimer = window.setTimeout(() => this.refresh(), wait);
  },

  /** New ID and access tokens with the refresh token; false when there is none or the pool refuses it. */
  refresh() {
    if (!this.tokens || !this.tokens.refreshToken) {
      return Promise.resolve(false);
    }
    if (!this.refreshing) {
      const refreshToken = this.tokens.refreshToken;
      this.refreshing = tokenRequest({ grant_type: "refresh_token", client_id: config.clientId,
        refresh_token: refreshToken })
        .then((answer) => { this.store(answer, refreshToken); showSignedIn(); return true; })
        .catch(() => false)
        .finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  },
};

function authEndpoint(path) {
  return String(config.authDomain || "").replace(/\/+$/, "") + path;
}

/** Where the pool sends the browser back: this page, exactly as the app client's callback URL lists it. */
function redirectUri() {
  return window.location.origin + window.location.pathname;
}

function base64url(bytes) {
  let text = "";
  for (const byte of bytes) {
    text += String.fromCharCode(byte);
  }
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** The claims of a JWT's payload, read without checking it: the API's authorizer checks it on every call. */
function claimsOf(jwt) {
  const payload = String(jwt).split(".")[1] || "";
  const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The signed-in user's MovieLens id: the admin-set custom:movierec_user_id, else the token's sub. */
function signedInUserId() {
  const claims = auth.tokens ? auth.tokens.claims : {};
  return String(claims["custom:movierec_user_id"] || claims.sub || "");
}

async function tokenRequest(form) {
  let response;
  try {
    response = await fetch(authEndpoint("/oauth2/token"), { method: "POST", body: new URLSearchParams(form),
      cache: "no-store" });
  } catch {
    throw new ApiError("Sign-in is unavailable.", "The sign-in service could not be reached: try again.");
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError("Sign-in failed.", data.error_description || data.error || `HTTP ${response.status}.`);
  }
  return data;
}

/** Goes to the pool's sign-in page with a fresh PKCE verifier and state for this tab. */
async function signIn() {
  const verifier = randomText(32);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  const state = randomText(16);
  const genre = new URLSearchParams(window.location.search).get("genre");
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, genre }));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: "openid email profile",
    state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: "S256",
  });
  window.location.assign(`${authEndpoint("/oauth2/authorize")}?${query}`);
}

/** The redirect back from the sign-in page: the code exchanged for tokens, the address cleaned. */
async function completeSignIn(params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || "null");
  sessionStorage.removeItem(PENDING_KEY);
  const address = new URL(redirectUri());
  if (pending && pending.genre) {
    address.searchParams.set("genre", pending.genre);
  }
  window.history.replaceState(null, "", address);
  if (params.get("error")) {
    throw new ApiError("Sign-in failed.", params.get("error_description") || params.get("error"));
  }
  if (!pending || pending.state !== params.get("state")) {
    throw new ApiError("Sign-in could not be completed.",
      "The answer from the sign-in page does not belong to this tab's sign-in: sign in again.");
  }
  const answer = await tokenRequest({ grant_type: "authorization_code", client_id: config.clientId,
    code: params.get("code"), redirect_uri: redirectUri(), code_verifier: pending.verifier });
  auth.store(answer, null);
}

/** Forgets the tokens, revokes the refresh token and ends the pool's sign-in session. */
async function signOut() {
  const refreshToken = auth.tokens ? auth.tokens.refreshToken : null;
  auth.forget();
  if (refreshToken) {
    try {
      await fetch(authEndpoint("/oauth2/revoke"), { method: "POST",
        body: new URLSearchParams({ token: refreshToken, client_id: config.clientId }) });
    } catch {
      // The tokens are gone from this page either way; the refresh token then lapses on its own.
    }
  }
  window.location.assign(`${authEndpoint("/logout")}?${new URLSearchParams({ client_id: config.clientId,
    logout_uri: redirectUri() })}`);
}

function showSignedIn() {
  const claims = auth.tokens.claims;
  const name = claims["cognito:username"] || claims.email || claims.sub;
  const user = $("signed-in-user");
  user.textContent = `Signed in as ${name} (MovieLens user ${signedInUserId()})`;
  user.dataset.userId = signedInUserId();
  user.hidden = false;
  $("sign-in-button").hidden = true;
  $("sign-out-button").hidden = false;
  document.body.dataset.auth = "signed-in";
}

function showSignedOut() {
  $("signed-in-user").hidden = true;
  $("sign-in-button").hidden = false;
  $("sign-out-button").hidden = true;
  document.body.dataset.auth = "signed-out";
  recommendationsSubtitle.textContent = "Sign in to see the movies picked for you.";
  genreHint.textContent = "Sign in to choose a genre.";
}

$("sign-in-button").addEventListener("click", () => {
  signIn().catch(showError);
});
$("sign-out-button").addEventListener("click", () => {
  signOut();
});

// ---------------------------------------------------------------------------------------------------------------
// Start-up

async function loadConfig() {
  let response;
  try {
    response = await fetch("config.json", { cache: "no-store" });
  } catch {
    response = null;
  }
  const loaded = response && response.ok ? await response.json().catch(() => null) : null;
  if (!loaded || typeof loaded !== "object") {
    throw new ApiError("This page is not set up.",
      "Its config.json (the API's address and how to sign in) could not be loaded.");
  }
  Object.assign(config, loaded);
  if (config.auth === "jwt" && !(config.clientId && config.authDomain)) {
    throw new ApiError("This page is not set up.", "config.json asks for sign-in but names no clientId and authDomain.");
  }
}

async function start() {
  try {
    await loadConfig();
  } catch (error) {
    showError(error);
    document.body.dataset.ready = "true";
    return;
  }
  const params = new URLSearchParams(window.location.search);
  if (config.auth === "jwt") {
    await startSignedIn(params);
  } else {
    await startWithUserField(params);
  }
  document.body.dataset.ready = "true";
}

/** auth "jwt": the signed-in user's own recommendations; no user id field. */
async function startSignedIn(params) {
  $("user-field").hidden = true;
  form.classList.add("signed-in-only-genre");
  $("account").hidden = false;
  auth.restore();
  if (params.has("code") || params.has("error")) {
    try {
      await completeSignIn(params);
    } catch (error) {
      showError(error);
    }
  }
  if (!auth.tokens) {
    showSignedOut();
    return;
  }
  auth.scheduleRefresh();
  showSignedIn();
  await loadGenres();
  const genre = new URLSearchParams(window.location.search).get("genre");
  if (genre && [...genreSelect.options].some((option) => option.value === genre)) {
    genreSelect.value = genre;
  }
  if (auth.tokens) {
    await loadRecommendations(signedInUserId(), genreSelect.value);
  }
}

/** auth "apiKey" or "iam": any user id, typed or picked. */
async function startWithUserField(params) {
  offerSampleUsers();
  await loadGenres();
  const genre = params.get("genre");
  if (genre && [...genreSelect.options].some((option) => option.value === genre)) {
    genreSelect.value = genre;
  }
  const user = params.get("user");
  if (user) {
    userInput.value = user;
    await submitUser();
  }
}

start();
