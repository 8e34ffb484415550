import { byKey, type HandlerIndex } from "../dispatch.ts";
import actionDone from "./action/done.ts";
import actionList from "./action/list.ts";
import actionNone from "./action/none.ts";
import awayOff from "./away/off.ts";
import awayOn from "./away/on.ts";
import facilitationDelete from "./facilitation/delete.ts";
import facilitationDraft from "./facilitation/draft.ts";
import facilitationEdit from "./facilitation/edit.ts";
import {
  facilitationDesignHandler,
  facilitationFeedbackHandler,
  facilitationGoalHandler,
  facilitationImproveHandler,
  facilitationReflectHandler,
  facilitationSessionHandler,
} from "./facilitation/entry.ts";
import facilitationList from "./facilitation/list.ts";
import feedbackGive from "./feedback/give.ts";
import feedbackList from "./feedback/list.ts";
import feedbackWithdraw from "./feedback/withdraw.ts";
import help from "./help.ts";
import logDelete from "./log/delete.ts";
import logDetails from "./log/details.ts";
import logDraft from "./log/draft.ts";
import logEdit from "./log/edit.ts";
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
} from "./log/entry.ts";
import logExport from "./log/export.ts";
import logForget from "./log/forget.ts";
import logList from "./log/list.ts";
import logShare from "./log/share.ts";
import logWrite from "./log/write.ts";
import meetingCalendar from "./meeting/calendar.ts";
import meetingCancel from "./meeting/cancel.ts";
import meetingClose from "./meeting/close.ts";
import meetingList from "./meeting/list.ts";
import meetingMove from "./meeting/move.ts";
import meetingNext from "./meeting/next.ts";
import meetingRsvp from "./meeting/rsvp.ts";
import meetingSchedule from "./meeting/schedule.ts";
import { nudgeOffHandler, nudgeOnHandler } from "./nudge/on-off.ts";
import nudgeSettings from "./nudge/settings.ts";
import nudgeSnooze from "./nudge/snooze.ts";
import progress from "./progress.ts";
import records from "./records.ts";
import reviewDelete from "./review/delete.ts";
import reviewEdit from "./review/edit.ts";
import reviewGive from "./review/give.ts";
import reviewList from "./review/list.ts";
import reviewReply from "./review/reply.ts";
import rotationShow from "./rotation/show.ts";
import rotationSkip from "./rotation/skip.ts";
import rotationSlot from "./rotation/slot.ts";
import rotationSwap from "./rotation/swap.ts";
import setAdd from "./set/add.ts";
import setAdvisor from "./set/advisor.ts";
import setArchive from "./set/archive.ts";
import setCreate from "./set/create.ts";
import setInfo from "./set/info.ts";
import setPair from "./set/pair.ts";
import setProgramme from "./set/programme.ts";
import setRemove from "./set/remove.ts";
import setRemoveAdvisor from "./set/remove-advisor.ts";
import setRename from "./set/rename.ts";
import setReviews from "./set/reviews.ts";
import setUnarchive from "./set/unarchive.ts";
import setVoice from "./set/voice.ts";

/**
 * Every command's handler, in help order. Each is filed under its declaration's key (`commandKey`), so the keys are
 * written once, in commands/index.ts; `satisfies HandlerIndex` makes a missing, extra or mistyped handler a compile
 * error, and `byKey` refuses two handlers for one key.
 */
export const handlers = byKey([
  setCreate,
  setAdd,
  setRemove,
  setPair,
  setAdvisor,
  setRemoveAdvisor,
  setInfo,
  setProgramme,
  setRename,
  setReviews,
  setVoice,
  setArchive,
  setUnarchive,
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
  logWrite,
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
  actionNone,
  nudgeSettings,
  nudgeOnHandler,
  nudgeOffHandler,
  nudgeSnooze,
  awayOn,
  awayOff,
  progress,
  records,
  reviewGive,
  reviewEdit,
  reviewDelete,
  reviewReply,
  reviewList,
  feedbackGive,
  feedbackList,
  feedbackWithdraw,
  facilitationGoalHandler,
  facilitationDesignHandler,
  facilitationSessionHandler,
  facilitationFeedbackHandler,
  facilitationReflectHandler,
  facilitationImproveHandler,
  facilitationList,
  facilitationEdit,
  facilitationDelete,
  facilitationDraft,
  help,
]) satisfies HandlerIndex;
