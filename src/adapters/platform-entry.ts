import type { z } from "zod";
import type { Deps } from "../app/context.ts";
import type { HandlerIndex } from "../app/dispatch.ts";
import type { HealthRoute } from "../ops/health.ts";
import type { Metrics } from "../ops/metrics.ts";
import type { ClaimScope } from "../store/outbox.ts";
import type { Adapter } from "./adapter.ts";

/** The settings every platform may read besides its own: the port the process serves HTTP on. */
type SharedSettings = { PORT: number };

/** What a platform is created with: the app's dependencies and handlers, and the health routes to serve if it serves HTTP. */
type PlatformContext = { deps: Deps; handlers: HandlerIndex; routes: HealthRoute[] };

/**
 * One platform as the composition root runs it: a registry entry (src/adapters/platforms.ts). `env` is its
 * environment variables as a zod shape (each message names its variable), merged into the configuration
 * (src/config.ts); `problems` what is wrong across them, one sentence each; `configured` whether they ask for this
 * platform. `create` builds its adapter, which `start`s and `stop`s itself (src/adapters/adapter.ts). The rest is
 * optional: `serves` when it serves the health endpoints itself (on which port, and how the start-up line says so),
 * `describe` its phrase in the start-up line once started, `claimScope` what it adds to the outbox claim's scope
 * beyond its name, `watch` the metrics it feeds, `asksForZone` when its people's profiles give the bot no time zone
 * (the first reminder DM to someone whose zone is still the default then asks for it, src/app/zone-question.ts), and
 * `meetingEvents` when its sets' meetings are also the platform's own events (its adapter's `writeEvent`;
 * docs/architecture.md, "Meetings as platform events").
 */
export type PlatformEntry<Shape extends z.ZodRawShape, A extends Adapter> = {
  env: Shape;
  problems(settings: z.infer<z.ZodObject<Shape>>): string[];
  configured(settings: z.infer<z.ZodObject<Shape>>): boolean;
  create(context: PlatformContext, settings: z.infer<z.ZodObject<Shape>> & SharedSettings): A;
  describe(adapter: A, settings: z.infer<z.ZodObject<Shape>> & SharedSettings): string;
  serves?(settings: SharedSettings): { port: number; where: string };
  claimScope?(adapter: A): Omit<ClaimScope, "platforms">;
  watch?(adapter: A, metrics: Metrics): void;
  asksForZone?: boolean;
  meetingEvents?: true;
};

/** Declares a platform's entry, with its settings' type read from its `env` shape. */
export const platformEntry = <Shape extends z.ZodRawShape, A extends Adapter>(entry: PlatformEntry<Shape, A>) => entry;
