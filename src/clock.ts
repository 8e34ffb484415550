/** Where the current time comes from. Injected everywhere: nothing deep in the code calls `new Date()`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock the console's `clock` command can move forward. */
export interface SettableClock extends Clock {
  set(to: Date): void;
}

/** A clock that only moves when told: scripted console runs, tests and the demo. */
export class ManualClock implements SettableClock {
  #now: Date;
  constructor(start: Date) {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(to: Date): void {
    this.#now = new Date(to);
  }
}

/** Real time shifted by whatever `set` last asked for: the interactive console, where time also passes. */
export class ShiftedClock implements SettableClock {
  #offsetMs = 0;
  constructor(private readonly real: Clock = systemClock) {}
  now(): Date {
    return new Date(this.real.now().getTime() + this.#offsetMs);
  }
  set(to: Date): void {
    this.#offsetMs = to.getTime() - this.real.now().getTime();
  }
}
