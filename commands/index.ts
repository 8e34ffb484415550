import { actionDone, actionList } from "./action.ts";
import { away, awayOff } from "./away.ts";
import type { CommandDecl } from "./define.ts";
import { help } from "./help.ts";
import {
  logAction,
  logActionLearning,
  logDelete,
  logDetails,
  logDraft,
  logEdit,
  logExport,
  logForget,
  logGoal,
  logLimitation,
  logList,
  logOutcome,
  logProblem,
  logQuestion,
  logReflect,
  logReview,
  logShare,
  logStrength,
} from "./log.ts";
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
import { nudgeOff, nudgeOn, nudgeSettings, nudgeSnooze } from "./nudge.ts";
import { progress, records } from "./progress.ts";
import { rotationShow, rotationSkip, rotationSlot, rotationSwap } from "./rotation.ts";
import { setAdd, setAdvisor, setCreate, setInfo, setProgramme, setRemove } from "./set.ts";

export * from "./action.ts";
export * from "./away.ts";
export * from "./help.ts";
export * from "./log.ts";
export * from "./meeting.ts";
export * from "./nudge.ts";
export * from "./progress.ts";
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
  logProblem,
  logAction,
  logOutcome,
  logReflect,
  logQuestion,
  logStrength,
  logLimitation,
  logGoal,
  logActionLearning,
  logReview,
  logDetails,
  logList,
  logEdit,
  logDelete,
  logShare,
  logDraft,
  logExport,
  logForget,
  actionList,
  actionDone,
  nudgeSettings,
  nudgeOn,
  nudgeOff,
  nudgeSnooze,
  away,
  awayOff,
  progress,
  records,
  help,
];
