// The client's feedback after a ticket is closed (issue 14, section 4, item 8): given on the public
// feedback page through the link in the feedback request, or told to the desk by phone.

export const feedbackScores = [1, 2, 3, 4, 5] as const;
export type FeedbackScore = (typeof feedbackScores)[number];

/** Where the feedback came from: the public page (the link) or a phone call the desk wrote down. */
export const feedbackSources = ['link', 'phone'] as const;
export type FeedbackSource = (typeof feedbackSources)[number];

export const feedbackSourceLabels: Record<FeedbackSource, string> = {
  link: 'Feedback page',
  phone: 'By phone',
};

export const feedbackScoreLabels: Record<FeedbackScore, string> = {
  1: 'Very poor',
  2: 'Poor',
  3: 'Fair',
  4: 'Good',
  5: 'Excellent',
};

/** A score at or below this raises an escalation to the client service manager. */
export const LOW_FEEDBACK_SCORE = 2;

/** How long a feedback link works after the ticket was closed. */
export const FEEDBACK_LINK_DAYS = 30;

export interface FeedbackDto {
  id: string;
  ticketId: string;
  score: FeedbackScore;
  comment: string | null;
  source: FeedbackSource;
  /** Display name of who wrote it down; null when the client gave it on the page. */
  recordedBy: string | null;
  recordedAt: string;
  problemBack: boolean;
  /** The ticket logged because the problem is back, when it was. */
  newTicketId: string | null;
  newTicketNumber: string | null;
}

/** A ticket's feedback and where its latest feedback request stands. */
export interface TicketFeedbackDto {
  ticketId: string;
  /** Newest first. */
  feedback: FeedbackDto[];
  /** The latest closure's request: when its link stops working and whether it was used. */
  request: { sentFor: string; expiresAt: string; used: boolean } | null;
}

export interface FeedbackSettingsDto {
  /** The address feedback links start with, as saved by an admin; null to use the default. */
  publicBaseUrl: string | null;
  /**
   * What links use now: the saved address, else this server's own address in browser mode;
   * null in the desktop app without a saved address (the request then asks to reply or call).
   */
  effectiveBaseUrl: string | null;
}
