import { commandKey } from "../../../commands/define.ts";
import type { Handler } from "../context.ts";
import actionDone from "./action-done.ts";
import actionList from "./action-list.ts";
import awayOff from "./away-off.ts";
import awayOn from "./away-on.ts";
import help from "./help.ts";
import logDelete from "./log-delete.ts";
import logDetails from "./log-details.ts";
import logDraft from "./log-draft.ts";
import logEdit from "./log-edit.ts";
import {
  logActionHandler,
  logActionLearningHandler,
  logGoalHandler,
  logLimitationHandler,
  logOutcomeHandler,
  logProblemHandler,
  logQuestionHandler,
  logReflectHandler,
  logReviewHandler,
  logStrengthHandler,
} from "./log-entry.ts";
import logExport from "./log-export.ts";
import logForget from "./log-forget.ts";
import logList from "./log-list.ts";
import logShare from "./log-share.ts";
import meetingCalendar from "./meeting-calendar.ts";
import meetingCancel from "./meeting-cancel.ts";
import meetingClose from "./meeting-close.ts";
import meetingList from "./meeting-list.ts";
import meetingMove from "./meeting-move.ts";
import meetingNext from "./meeting-next.ts";
import meetingRsvp from "./meeting-rsvp.ts";
import meetingSchedule from "./meeting-schedule.ts";
import { nudgeOffHandler, nudgeOnHandler } from "./nudge-on-off.ts";
import nudgeSettings from "./nudge-settings.ts";
import nudgeSnooze from "./nudge-snooze.ts";
import progress from "./progress.ts";
import records from "./records.ts";
import rotationShow from "./rotation-show.ts";
import rotationSkip from "./rotation-skip.ts";
import rotationSlot from "./rotation-slot.ts";
import rotationSwap from "./rotation-swap.ts";
import setAdd from "./set-add.ts";
import setAdvisor from "./set-advisor.ts";
import setCreate from "./set-create.ts";
import setInfo from "./set-info.ts";
import setProgramme from "./set-programme.ts";
import setRemove from "./set-remove.ts";

/** Every handler, keyed by its command ("meeting schedule"). Explicit: no directory scanning. */
export const handlers: ReadonlyMap<string, Handler> = new Map(
  (
    [
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
      logProblemHandler,
      logActionHandler,
      logOutcomeHandler,
      logReflectHandler,
      logQuestionHandler,
      logStrengthHandler,
      logLimitationHandler,
      logGoalHandler,
      logActionLearningHandler,
      logReviewHandler,
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
      nudgeOnHandler,
      nudgeOffHandler,
      nudgeSnooze,
      awayOn,
      awayOff,
      progress,
      records,
      help,
      // biome-ignore lint/suspicious/noExplicitAny: to be replaced by the typed command registry (issue 11)
    ] as Handler<any>[]
  ).map((h) => [commandKey(h.decl), h]),
);
