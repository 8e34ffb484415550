import type { ServerResponse } from "node:http";
import { renderCalendarFeed } from "../../app/calendar-feed.ts";
import { FEED_PATH, tokenOfPath } from "../../app/calendar-tokens.ts";
import type { Deps } from "../../app/context.ts";
import type { HealthRoute } from "../../ops/health.ts";

/** What every request that opens no feed gets: the health server's answer to any unknown path. */
const NOT_FOUND = "not found\n";

/**
 * `GET /calendar/<token>.ics`, the calendar subscriptions' route, served by Bolt's customRoutes when Slack runs and
 * by the health server otherwise (src/main.ts): 200 with the feed (text/calendar) for a working token; 404 with
 * the same body for every other path under /calendar/ — unknown, malformed, replaced or no longer the person's set
 * alike — after the same one look-up by the token's hash, so neither the answer nor its shape says which sets
 * exist; 503 when the database fails. The token never reaches the logs.
 */
export function calendarFeedRoute(deps: Pick<Deps, "db" | "clock" | "logger">): HealthRoute {
  return {
    path: FEED_PATH,
    method: "GET",
    handler: (req, res) => {
      const token = tokenOfPath(new URL(req.url ?? "/", "http://localhost").pathname);
      renderCalendarFeed(deps.db, token, deps.clock.now()).then(
        (ics) => (ics === null ? notFound(res) : found(res, ics)),
        (error: unknown) => {
          deps.logger.error({ err: error }, "calendar feed failed");
          if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
          res.end("try again later\n");
        },
      );
    },
  };
}

function found(res: ServerResponse, ics: string): void {
  res.writeHead(200, {
    "content-type": "text/calendar; charset=utf-8",
    // Private to its holder: no shared cache keeps it; calendar apps fetch it again at the feed's refresh interval.
    "cache-control": "private, no-cache",
    "content-disposition": 'inline; filename="meetings.ics"',
  });
  res.end(ics);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end(NOT_FOUND);
}
