-- AlterTable
ALTER TABLE "message" ADD COLUMN     "system_kind" TEXT;
-- The « prise en charge » messages written so far were stored as French text: they become system
-- messages, rendered in the reader's language.
UPDATE "message"
SET "system_kind" = 'taken_in_charge', "body" = ''
WHERE "author_kind" = 'agent' AND "reply_kind" = 'acknowledgement'
  AND "body" ~ '^Votre requête [A-Z]+-[0-9]{4}-[0-9]+ a été prise en charge par .+\.$';
