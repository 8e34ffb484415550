import { createHash, randomBytes } from "node:crypto";

/**
 * The secret in a calendar subscription's URL: 32 bytes from the system's cryptographic random source (256 bits,
 * well above the 128 that make it unguessable), base64url so it needs no escaping in a URL.
 */
export const newFeedToken = (): string => randomBytes(32).toString("base64url");

/**
 * What is stored of a token: its SHA-256, hex. A token carries 256 random bits, so a fast unsalted hash is
 * enough: nothing can be guessed from it, and a copy of the database holds no working feed URL.
 */
export const feedTokenHash = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** The route the feeds are served on (src/adapters/calendar-feed-route.ts); its one parameter is `<token>.ics`. */
export const FEED_PATH = "/calendar/:feed";

/** A feed's public URL: under `base` (PUBLIC_URL, with or without a trailing slash), `/calendar/<token>.ics`. */
export const feedUrl = (base: string, token: string): string => `${base.replace(/\/+$/, "")}/calendar/${token}.ics`;

/** The token in a feed request's path: whatever follows `/calendar/`, without a trailing `.ics`. */
export function tokenOfPath(pathname: string): string {
  const rest = pathname.startsWith("/calendar/") ? pathname.slice("/calendar/".length) : "";
  return rest.endsWith(".ics") ? rest.slice(0, -".ics".length) : rest;
}
