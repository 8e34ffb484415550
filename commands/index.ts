import { actionDone, actionList, actionNone } from "./action.ts";
import { away, awayOff } from "./away.ts";
import type { CommandDecl, OptionSpecs } from "./define.ts";
import {
  facilitationDelete,
  facilitationDesign,
  facilitationDraft,
  facilitationEdit,
  facilitationFeedback,
  facilitationGoal,
  facilitationImprove,
  facilitationList,
  facilitationReflect,
  facilitationSession,
} from "./facilitation.ts";
import { feedbackGive, feedbackList, feedbackWithdraw } from "./feedback.ts";
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
  logWrite,
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
import { reviewDelete, reviewEdit, reviewGive, reviewList, reviewReply } from "./review.ts";
import { rotationShow, rotationSkip, rotationSlot, rotationSwap } from "./rotation.ts";
import {
  setAdd,
  setAdvisor,
  setArchive,
  setCreate,
  setInfo,
  setPair,
  setProgramme,
  setRemove,
  setRemoveAdvisor,
  setRename,
  setReviews,
  setUnarchive,
  setVoice,
} from "./set.ts";

export * from "./action.ts";
export * from "./away.ts";
export * from "./facilitation.ts";
export * from "./feedback.ts";
export * from "./help.ts";
export * from "./log.ts";
export * from "./meeting.ts";
export * from "./nudge.ts";
export * from "./progress.ts";
export * from "./review.ts";
export * from "./rotation.ts";
export * from "./set.ts";

/**
 * Every command, keyed by the key it is dispatched by ("meeting schedule"), in the order help lists them.
 * Each declaration must be filed under its own key (checked by the compiler); src/app/handlers/index.ts holds
 * one handler per key, also checked by the compiler.
 */
export const commands = registry({
  "set create": setCreate,
  "set add": setAdd,
  "set remove": setRemove,
  "set pair": setPair,
  "set advisor": setAdvisor,
  "set remove-advisor": setRemoveAdvisor,
  "set info": setInfo,
  "set programme": setProgramme,
  "set rename": setRename,
  "set reviews": setReviews,
  "set voice": setVoice,
  "set archive": setArchive,
  "set unarchive": setUnarchive,
  "meeting schedule": meetingSchedule,
  "meeting next": meetingNext,
  "meeting list": meetingList,
  "meeting move": meetingMove,
  "meeting cancel": meetingCancel,
  "meeting rsvp": meetingRsvp,
  "meeting close": meetingClose,
  "meeting calendar": meetingCalendar,
  "rotation show": rotationShow,
  "rotation swap": rotationSwap,
  "rotation skip": rotationSkip,
  "rotation slot": rotationSlot,
  "log problem": logProblem,
  "log action": logAction,
  "log outcome": logOutcome,
  "log reflect": logReflect,
  "log question": logQuestion,
  "log strength": logStrength,
  "log limitation": logLimitation,
  "log goal": logGoal,
  "log action-learning": logActionLearning,
  "log review": logReview,
  "log write": logWrite,
  "log details": logDetails,
  "log list": logList,
  "log edit": logEdit,
  "log delete": logDelete,
  "log share": logShare,
  "log draft": logDraft,
  "log export": logExport,
  "log forget": logForget,
  "action list": actionList,
  "action done": actionDone,
  "action none": actionNone,
  "nudge settings": nudgeSettings,
  "nudge on": nudgeOn,
  "nudge off": nudgeOff,
  "nudge snooze": nudgeSnooze,
  away: away,
  "away off": awayOff,
  progress: progress,
  records: records,
  review: reviewGive,
  "review edit": reviewEdit,
  "review delete": reviewDelete,
  "review reply": reviewReply,
  "review list": reviewList,
  feedback: feedbackGive,
  "feedback list": feedbackList,
  "feedback withdraw": feedbackWithdraw,
  "facilitation goal": facilitationGoal,
  "facilitation design": facilitationDesign,
  "facilitation session": facilitationSession,
  "facilitation feedback": facilitationFeedback,
  "facilitation reflect": facilitationReflect,
  "facilitation improve": facilitationImprove,
  "facilitation list": facilitationList,
  "facilitation edit": facilitationEdit,
  "facilitation delete": facilitationDelete,
  "facilitation draft": facilitationDraft,
  help: help,
});

/** The registry's type: each key's declaration, with its literal name, subcommand and option types. */
export type Commands = typeof commands;

/** "meeting schedule", "help": a declared command's key. */
export type CommandKey = keyof Commands;

/** Every declaration, in the order help lists them. */
export const allCommands: readonly CommandDecl[] = Object.values(commands);

/** Whether a string is a declared command's key. */
export function isCommandKey(key: string): key is CommandKey {
  return Object.hasOwn(commands, key);
}

/** The declaration a registry key requires: `"log edit"` is `/log edit`, `"help"` a command without subcommands. */
type DeclaredAs<K> = K extends `${infer N} ${infer S}`
  ? CommandDecl<OptionSpecs, N, S> & { sub: S }
  : CommandDecl<OptionSpecs, K & string, never>;

/** Keeps the registry's literal type while checking each entry's key against its declaration's name and sub. */
function registry<const R extends { [K in keyof R]: DeclaredAs<K> }>(entries: R): R {
  return entries;
}
