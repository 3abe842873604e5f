// The API's browsable page (/api/v1/docs): Swagger UI from Hundred's own static files, its
// settings read from a data attribute (no inline script: the Content-Security-Policy forbids it).
(function () {
  const body = document.body;
  const config = JSON.parse(body.dataset.swaggerSettings);
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
  const csrf = body.dataset.csrfToken;
  if (csrf) {
    // The signed-in browser's session works too; its writes carry the CSRF token.
    config.requestInterceptor = (request) => {
      request.headers["X-CSRFToken"] = csrf;
      return request;
    };
  }
  SwaggerUIBundle(config);
})();
