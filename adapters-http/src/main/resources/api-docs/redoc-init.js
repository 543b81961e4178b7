// ReDoc for /openapi.json, served by the service itself. No web fonts are loaded: the page uses the system's fonts.
Redoc.init('/openapi.json', {
  theme: {
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      code: { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace' }
    }
  },
  expandResponses: '200,201'
}, document.getElementById('redoc'));
