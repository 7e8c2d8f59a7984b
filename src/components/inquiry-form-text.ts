// The inquiry form's words, given by its page in the page's language: the form (a client
// component) then needs no message library in the browser.
export const INQUIRY_FORM_TEXT_KEYS = [
  "errorSummary", "refusedTitle", "unexpected", "topic", "topicPlaceholder", "nominativeTitle", "nominativeBody", "outOfScopeTitle",
  "name", "email", "emailHint", "subject", "message", "messageHint", "sending", "submit", "files", "filesHint",
] as const;

export type InquiryFormText = Record<(typeof INQUIRY_FORM_TEXT_KEYS)[number], string>;
