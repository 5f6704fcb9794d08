// The renderer's Content-Security-Policy: scripts only from the app itself, no eval, no network.
// Inline styles are allowed because Ant Design injects its styles at run time (CSS-in-JS).
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

// Sent as a header by app:// and by the test server.
export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');

// The same policy as a <meta> tag, for defence in depth; browsers ignore frame-ancestors there.
export const metaContentSecurityPolicy = directives.join('; ');
