// Where the page finds the recommendations API; see README.md. Loaded before app.js.
// apiBaseUrl: "" means the page's own origin (local mode serves the page and the API together);
//             otherwise the API's URL including its stage, e.g. "https://abc123.execute-api.eu-west-1.amazonaws.com/dev".
// apiKey:     sent as the x-api-key header when not empty (the deployed API Gateway's usage-plan key).
window.MOVIEREC_CONFIG = { apiBaseUrl: "", apiKey: "" };
