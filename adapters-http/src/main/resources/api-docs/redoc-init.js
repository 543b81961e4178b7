// ReDoc for /openapi.json, served by the service itself. No web fonts are loaded: the page uses the system's fonts.

// ReDoc 2 always puts Redocly's logo, an image on Redocly's CDN, in its side bar. These pages load nothing from other
// origins (the content security policy would block it, with an error in the console), so that one image is given an
// empty source instead: it fails to decode, and ReDoc then hides it.
const REDOCLY_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (this instanceof HTMLImageElement && name === 'src' && value === REDOCLY_LOGO) {
    return setAttribute.call(this, name, 'data:,');
  }
  return setAttribute.call(this, name, value);
};

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
