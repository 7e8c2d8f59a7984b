-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "password_reset_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "password_reset_token_hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "app_user_password_reset_token_hash_key" ON "app_user"("password_reset_token_hash");
