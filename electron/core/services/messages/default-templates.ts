import type { MessageKind, MessageTemplateText } from '../../../../shared/domain/messages';

// The shipped wording, used for a kind until an admin saves their own (and again after a reset).
// Sections such as {{#eta}}…{{/eta}} print their text only when the placeholder has a value.

const signOff = `Kind regards,
The service desk`;

export const defaultTemplates: Record<MessageKind, MessageTemplateText> = {
  'request-acknowledgement': {
    subject: 'We have your request {{ticketNumber}}',
    body: `Dear {{contactName}},

Thank you for contacting us. We have logged your request as {{ticketNumber}}.

Priority: {{priority}}
{{#responseTarget}}We aim to respond by {{responseTarget}}.
{{/responseTarget}}
Your request: {{description}}

Please quote {{ticketNumber}} if you need to get in touch about it.

${signOff}`,
  },
  'booking-confirmation': {
    subject: 'Visit booked for {{ticketNumber}}: {{visitWindow}}',
    body: `Dear {{contactName}},

A technician will visit {{siteName}} for your request {{ticketNumber}}.

When: {{visitWindow}}
Where: {{siteAddress}}
Technician: {{technicianFirstName}}

The attached invitation adds the visit to your calendar. If this time does not suit you, please reply or call us and quote {{ticketNumber}}.

${signOff}`,
  },
  'booking-update': {
    subject: 'Visit changed for {{ticketNumber}}: now {{visitWindow}}',
    body: `Dear {{contactName}},

The visit for your request {{ticketNumber}} has changed. This replaces any earlier time we sent you.

When: {{visitWindow}}
Where: {{siteAddress}}
Technician: {{technicianFirstName}}

The attached invitation updates the visit in your calendar. If the new time does not suit you, please reply or call us and quote {{ticketNumber}}.

${signOff}`,
  },
  'booking-cancellation': {
    subject: 'Visit cancelled for {{ticketNumber}}',
    body: `Dear {{contactName}},

The visit planned for {{visitWindow}} at {{siteName}} for your request {{ticketNumber}} has been cancelled.
{{#cancelReason}}
Reason: {{cancelReason}}
{{/cancelReason}}
The attached cancellation removes it from your calendar. Your request stays open, and we will be in touch if another visit is needed.

${signOff}`,
  },
  'on-the-way': {
    subject: '{{technicianFirstName}} is on the way for {{ticketNumber}}',
    body: `Dear {{contactName}},

{{technicianFirstName}} has set off for {{siteName}} for your request {{ticketNumber}}.
{{#eta}}
Expected arrival: {{eta}}
{{/eta}}
Address: {{siteAddress}}

If anything has changed at the site, please call us and quote {{ticketNumber}}.

${signOff}`,
  },
  'completion-summary': {
    subject: 'Visit completed for {{ticketNumber}}',
    body: `Dear {{contactName}},

Our technician has finished the visit to {{siteName}} for your request {{ticketNumber}}.
{{#workSummary}}
What was done:
{{workSummary}}
{{/workSummary}}{{#requiredParts}}
Parts used:
{{requiredParts}}
{{/requiredParts}}{{#outcome}}
Outcome: {{outcome}}
{{/outcome}}{{#nextSteps}}
What happens next: {{nextSteps}}
{{/nextSteps}}{{#feedbackLink}}
Tell us how we did: {{feedbackLink}}
{{/feedbackLink}}
If the problem comes back, reply to this message or call us and quote {{ticketNumber}}.

${signOff}`,
  },
  'assignment-notice': {
    subject: 'New visit {{ticketNumber}}: {{visitWindow}} at {{siteName}}',
    body: `Hello {{technicianFirstName}},

You have a new visit.

Ticket: {{ticketNumber}} ({{priority}})
When: {{visitWindow}}
Client: {{clientName}}
Site: {{siteName}}, {{siteAddress}}
{{#accessRequirements}}Access: {{accessRequirements}}
{{/accessRequirements}}Contact: {{contactName}}{{#contactPhone}}, {{contactPhone}}{{/contactPhone}}
{{#workType}}Work type: {{workType}}
{{/workType}}Crew: {{crew}}

Problem: {{description}}
{{#requiredParts}}
Parts:
{{requiredParts}}
{{/requiredParts}}
The attached invitation adds the visit to your calendar.`,
  },
  'assignment-update': {
    subject: 'Visit changed {{ticketNumber}}: now {{visitWindow}} at {{siteName}}',
    body: `Hello {{technicianFirstName}},

A visit of yours has changed. This replaces any earlier details we sent you.

Ticket: {{ticketNumber}} ({{priority}})
When: {{visitWindow}}
Client: {{clientName}}
Site: {{siteName}}, {{siteAddress}}
{{#accessRequirements}}Access: {{accessRequirements}}
{{/accessRequirements}}Contact: {{contactName}}{{#contactPhone}}, {{contactPhone}}{{/contactPhone}}
{{#workType}}Work type: {{workType}}
{{/workType}}Crew: {{crew}}

Problem: {{description}}
{{#requiredParts}}
Parts:
{{requiredParts}}
{{/requiredParts}}
The attached invitation updates the visit in your calendar.`,
  },
  'assignment-cancellation': {
    subject: 'Visit cancelled {{ticketNumber}}: {{visitWindow}}',
    body: `Hello {{technicianFirstName}},

You are no longer needed for the visit to {{siteName}} ({{siteAddress}}) for {{ticketNumber}} planned for {{visitWindow}}.
{{#cancelReason}}
Reason: {{cancelReason}}
{{/cancelReason}}
The attached cancellation removes it from your calendar.`,
  },
  'feedback-request': {
    subject: 'How did we do? {{ticketNumber}}',
    body: `Dear {{contactName}},

We have closed your request {{ticketNumber}}. We hope the problem is solved, and we would like to hear how we did.
{{#feedbackLink}}
Please rate our service from 1 to 5 and tell us anything we could do better:
{{feedbackLink}}

It takes a minute, and the link works once, for 30 days. If the problem has come back, say so there and we will open a new request for you.
{{/feedbackLink}}{{^feedbackLink}}
Please reply to this message, or call us and quote {{ticketNumber}}, to rate our service from 1 (very poor) to 5 (excellent) and tell us anything we could do better. If the problem has come back, tell us and we will open a new request for you.
{{/feedbackLink}}
Thank you for your time.

${signOff}`,
  },
  'delay-notice': {
    subject: 'Running late for {{ticketNumber}}: new arrival time {{eta}}',
    body: `Dear {{contactName}},

We are sorry: {{technicianFirstName}} is running late for the visit to {{siteName}} for your request {{ticketNumber}}.

Booked for: {{visitWindow}}
Now expected at: {{eta}}

The time is our best estimate and we will tell you again if it moves further. If this time does not suit you, please call us and quote {{ticketNumber}}, and we will find another.

${signOff}`,
  },
  'visit-reminder': {
    subject: 'Reminder: visit for {{ticketNumber}} on {{visitWindow}}',
    body: `Dear {{contactName}},

This is a reminder that a technician will visit {{siteName}} for your request {{ticketNumber}}.

When: {{visitWindow}}
Where: {{siteAddress}}
Technician: {{technicianFirstName}}
{{#accessRequirements}}
Please make sure the technician can get in: {{accessRequirements}}
{{/accessRequirements}}
If this time no longer suits you, please reply or call us as soon as you can and quote {{ticketNumber}}.

${signOff}`,
  },
  'client-update': {
    subject: 'Update on your request {{ticketNumber}}',
    body: `Dear {{contactName}},

Here is an update on your request {{ticketNumber}}.

[Write the update here.]

If you have any questions, reply to this message or call us and quote {{ticketNumber}}.

${signOff}`,
  },
  'technician-schedule': {
    subject: 'Your schedule for {{scheduleDay}}',
    body: `Hello {{technicianFirstName}},

Your schedule for {{scheduleDay}} is attached as a PDF, ready to print: every visit with its site, contact, access, parts and checklist, and room for notes.

{{scheduleVisits}}

Times are in your own time zone. The board may still change: the console and your day view always show the latest.

${signOff}`,
  },
};
