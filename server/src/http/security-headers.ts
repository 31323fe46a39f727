import type { ServerResponse } from 'node:http';

/**
 * Headers every response carries. The app's HTML, scripts and styles come from this origin
 * only (the build has no inline script); the relay socket and the API are same-origin; blob:
 * and data: images cover exports and icons. Nobody may frame the app (a share link opened
 * inside someone else's page could be clicked through), and no page ever sends a Referer:
 * share links carry their token in the address.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Solid and FullCalendar set element styles; a few components pass style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
}
