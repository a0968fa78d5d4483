// Starts Swagger UI on the app's own OpenAPI document (the URL is in the page's data attribute,
// so the page and this script stay static). Plain browser JavaScript, served as is.
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = window.SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: true,
    // "Try it out" keeps the Bearer token given under Authorize across reloads of this page.
    persistAuthorization: true,
    presets: [window.SwaggerUIBundle.presets.apis],
  });
});
