import type { HandlerIndex } from "../dispatch.ts";
import actionDone from "./action-done.ts";
import actionList from "./action-list.ts";
import awayOff from "./away-off.ts";
import awayOn from "./away-on.ts";
import facilitationDelete from "./facilitation-delete.ts";
import facilitationDraft from "./facilitation-draft.ts";
import facilitationEdit from "./facilitation-edit.ts";
import {
  facilitationDesignHandler,
  facilitationFeedbackHandler,
  facilitationGoalHandler,
  facilitationImproveHandler,
  facilitationReflectHandler,
  facilitationSessionHandler,
} from "./facilitation-entry.ts";
import facilitationList from "./facilitation-list.ts";
import feedbackGive from "./feedback-give.ts";
import feedbackList from "./feedback-list.ts";
import feedbackWithdraw from "./feedback-withdraw.ts";
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
import logWrite from "./log-write.ts";
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
import reviewDelete from "./review-delete.ts";
import reviewEdit from "./review-edit.ts";
import reviewGive from "./review-give.ts";
import reviewList from "./review-list.ts";
import reviewReply from "./review-reply.ts";
import rotationShow from "./rotation-show.ts";
import rotationSkip from "./rotation-skip.ts";
import rotationSlot from "./rotation-slot.ts";
import rotationSwap from "./rotation-swap.ts";
import setAdd from "./set-add.ts";
import setAdvisor from "./set-advisor.ts";
import setArchive from "./set-archive.ts";
import setCreate from "./set-create.ts";
import setInfo from "./set-info.ts";
import setPair from "./set-pair.ts";
import setProgramme from "./set-programme.ts";
import setRemove from "./set-remove.ts";
import setRemoveAdvisor from "./set-remove-advisor.ts";
import setRename from "./set-rename.ts";
import setReviews from "./set-reviews.ts";
import setUnarchive from "./set-unarchive.ts";

/**
 * Every command's handler, under its key in commands/index.ts. Explicit: no directory scanning. `satisfies
 * HandlerIndex` makes a missing, extra or mistyped entry a compile error.
 */
export const handlers = {
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
  "log problem": logProblemHandler,
  "log action": logActionHandler,
  "log outcome": logOutcomeHandler,
  "log reflect": logReflectHandler,
  "log question": logQuestionHandler,
  "log strength": logStrengthHandler,
  "log limitation": logLimitationHandler,
  "log goal": logGoalHandler,
  "log action-learning": logActionLearningHandler,
  "log review": logReviewHandler,
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
  "nudge settings": nudgeSettings,
  "nudge on": nudgeOnHandler,
  "nudge off": nudgeOffHandler,
  "nudge snooze": nudgeSnooze,
  away: awayOn,
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
  "facilitation goal": facilitationGoalHandler,
  "facilitation design": facilitationDesignHandler,
  "facilitation session": facilitationSessionHandler,
  "facilitation feedback": facilitationFeedbackHandler,
  "facilitation reflect": facilitationReflectHandler,
  "facilitation improve": facilitationImproveHandler,
  "facilitation list": facilitationList,
  "facilitation edit": facilitationEdit,
  "facilitation delete": facilitationDelete,
  "facilitation draft": facilitationDraft,
  help: help,
} satisfies HandlerIndex;
