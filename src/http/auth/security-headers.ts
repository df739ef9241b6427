import type { FastifyHelmetOptions } from "@fastify/helmet";

/**
 * Security headers on every response (helmet). The content security policy
 * allows scripts only from this origin, so injected markup cannot run code;
 * styles may be inline because the UI library sets style attributes. No
 * framing (clickjacking), no MIME sniffing, no referrer to other sites.
 */
export const securityHeaders: FastifyHelmetOptions = {
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
