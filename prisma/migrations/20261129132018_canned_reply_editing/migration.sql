-- AlterTable
ALTER TABLE "canned_reply" ADD COLUMN     "disabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "updated_at" TIMESTAMPTZ(3);