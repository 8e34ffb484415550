import type { CommandDecl } from "./define.ts";
import { away, awayOff } from "./away.ts";
import { help } from "./help.ts";
import {
  meetingCalendar,
  meetingCancel,
  meetingClose,
  meetingList,
  meetingMove,
  meetingNext,
  meetingRsvp,
  meetingSchedule,
} from "./meeting.ts";
import { rotationShow, rotationSkip, rotationSlot, rotationSwap } from "./rotation.ts";
import { setAdd, setAdvisor, setCreate, setInfo, setProgramme, setRemove } from "./set.ts";

export * from "./away.ts";
export * from "./help.ts";
export * from "./meeting.ts";
export * from "./rotation.ts";
export * from "./set.ts";

/** Every command, in the order help lists them. */
export const allCommands: readonly CommandDecl[] = [
  setCreate,
  setAdd,
  setRemove,
  setAdvisor,
  setInfo,
  setProgramme,
  meetingSchedule,
  meetingNext,
  meetingList,
  meetingMove,
  meetingCancel,
  meetingRsvp,
  meetingClose,
  meetingCalendar,
  rotationShow,
  rotationSwap,
  rotationSkip,
  rotationSlot,
  away,
  awayOff,
  help,
];
