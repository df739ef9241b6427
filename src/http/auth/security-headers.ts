import type { IncomingMessage, ServerResponse } from "node:http";
import helmet, { type HelmetOptions } from "helmet";

/**
 * Security headers on every response (helmet). The content security policy
 * allows scripts only from this origin, so injected markup cannot run code;
 * styles may be inline because the UI library sets style attributes. No
 * framing (clickjacking), no MIME sniffing, no referrer to other sites.
 */
const securityHeaderOptions: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // Same-origin app: cross-origin isolation headers would only get in the way of the API docs' assets.
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: "same-origin" },
  // HSTS only means something over https; browsers ignore it on http, and it is sent either way.
  strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
};

/**
 * The headers helmet sets with these options, worked out once. They depend on
 * no request (no CSP nonces), and @fastify/helmet built helmet's middleware
 * again for every request: about 5% of the server's time per status write.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(securityHeaderOptions)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}
