-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr';

-- AlterTable
ALTER TABLE "email_outbox" ADD COLUMN     "communique_id" UUID;

-- AlterTable
ALTER TABLE "request" ADD COLUMN     "communique_id" UUID;

-- CreateTable
CREATE TABLE "user_sagir_group" (
    "user_id" UUID NOT NULL,
    "group_id" TEXT NOT NULL,

    CONSTRAINT "user_sagir_group_pkey" PRIMARY KEY ("user_id","group_id")
);

-- CreateTable
CREATE TABLE "communique" (
    "id" UUID NOT NULL,
    "number" TEXT,
    "service_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "organization_id" UUID,
    "title_fr" TEXT NOT NULL,
    "body_fr" TEXT NOT NULL,
    "title_en" TEXT,
    "body_en" TEXT,
    "audience" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "return_reason" TEXT,
    "fingerprint" TEXT,
    "replaces_id" UUID,
    "author_id" UUID NOT NULL,
    "forwarded_by_id" UUID,
    "submitted_at" TIMESTAMPTZ(3),
    "send_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "fanout_cursor" UUID,
    "fanned_out_at" TIMESTAMPTZ(3),
    "recipient_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "communique_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communique_attachment" (
    "id" UUID NOT NULL,
    "communique_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "communique_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communique_recipient" (
    "communique_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "delivered_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "email_status" TEXT NOT NULL DEFAULT 'queued',

    CONSTRAINT "communique_recipient_pkey" PRIMARY KEY ("communique_id","user_id")
);

-- CreateIndex
CREATE INDEX "user_sagir_group_group_id_user_id_idx" ON "user_sagir_group"("group_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "communique_number_key" ON "communique"("number");

-- CreateIndex
CREATE UNIQUE INDEX "communique_replaces_id_key" ON "communique"("replaces_id");

-- CreateIndex
CREATE INDEX "communique_service_id_status_created_at_idx" ON "communique"("service_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "communique_organization_id_created_at_idx" ON "communique"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "communique_status_send_at_idx" ON "communique"("status", "send_at");

-- CreateIndex
CREATE INDEX "communique_attachment_communique_id_idx" ON "communique_attachment"("communique_id");

-- CreateIndex
CREATE INDEX "communique_recipient_user_id_delivered_at_idx" ON "communique_recipient"("user_id", "delivered_at" DESC);

-- CreateIndex
CREATE INDEX "request_communique_id_idx" ON "request"("communique_id");

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_communique_id_fkey" FOREIGN KEY ("communique_id") REFERENCES "communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_communique_id_fkey" FOREIGN KEY ("communique_id") REFERENCES "communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sagir_group" ADD CONSTRAINT "user_sagir_group_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communique" ADD CONSTRAINT "communique_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communique" ADD CONSTRAINT "communique_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communique" ADD CONSTRAINT "communique_forwarded_by_id_fkey" FOREIGN KEY ("forwarded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communique" ADD CONSTRAINT "communique_replaces_id_fkey" FOREIGN KEY ("replaces_id") REFERENCES "communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communique_attachment" ADD CONSTRAINT "communique_attachment_communique_id_fkey" FOREIGN KEY ("communique_id") REFERENCES "communique"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communique_recipient" ADD CONSTRAINT "communique_recipient_communique_id_fkey" FOREIGN KEY ("communique_id") REFERENCES "communique"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communique_recipient" ADD CONSTRAINT "communique_recipient_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A person's unread communiqués (the header's count).
CREATE INDEX "communique_recipient_unread_idx" ON "communique_recipient"("user_id") WHERE "read_at" IS NULL;

-- Unchanged content: once submitted (an MO's), planned or sent, a communiqué's texts, audience,
-- origin and fingerprint cannot change, a sent one cannot leave « sent », and only a draft (or one
-- returned to its pilot) can be deleted. Its files likewise. Whatever the code above does.
CREATE FUNCTION communique_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status NOT IN ('draft', 'returned') THEN
      RAISE EXCEPTION 'communique % is sent: it cannot be deleted', OLD.id USING ERRCODE = 'P0001', HINT = 'communique_frozen';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status NOT IN ('draft', 'returned') AND (
       NEW.title_fr IS DISTINCT FROM OLD.title_fr OR NEW.body_fr IS DISTINCT FROM OLD.body_fr
    OR NEW.title_en IS DISTINCT FROM OLD.title_en OR NEW.body_en IS DISTINCT FROM OLD.body_en
    OR NEW.audience IS DISTINCT FROM OLD.audience OR NEW.fingerprint IS DISTINCT FROM OLD.fingerprint
    OR NEW.service_id IS DISTINCT FROM OLD.service_id OR NEW.source IS DISTINCT FROM OLD.source
    OR NEW.organization_id IS DISTINCT FROM OLD.organization_id OR NEW.replaces_id IS DISTINCT FROM OLD.replaces_id
    OR NEW.author_id IS DISTINCT FROM OLD.author_id
    -- Its number is given once (when it is sent or planned), never changed.
    OR (OLD.number IS NOT NULL AND NEW.number IS DISTINCT FROM OLD.number)) THEN
    RAISE EXCEPTION 'communique % is sent: its content cannot change', OLD.id USING ERRCODE = 'P0001', HINT = 'communique_frozen';
  END IF;
  IF OLD.status = 'sent' AND (NEW.status <> 'sent' OR NEW.sent_at IS DISTINCT FROM OLD.sent_at OR NEW.forwarded_by_id IS DISTINCT FROM OLD.forwarded_by_id) THEN
    RAISE EXCEPTION 'communique % is sent', OLD.id USING ERRCODE = 'P0001', HINT = 'communique_frozen';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER communique_frozen BEFORE UPDATE OR DELETE ON "communique" FOR EACH ROW EXECUTE FUNCTION communique_frozen();

CREATE FUNCTION communique_attachment_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_status TEXT;
BEGIN
  SELECT status INTO parent_status FROM communique WHERE id = COALESCE(NEW.communique_id, OLD.communique_id);
  -- A draft's files go with it (the cascade runs once the communiqué is gone).
  IF parent_status IS NOT NULL AND parent_status NOT IN ('draft', 'returned') THEN
    RAISE EXCEPTION 'communique % is sent: its files cannot change', COALESCE(NEW.communique_id, OLD.communique_id) USING ERRCODE = 'P0001', HINT = 'communique_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER communique_attachment_frozen BEFORE INSERT OR UPDATE OR DELETE ON "communique_attachment" FOR EACH ROW EXECUTE FUNCTION communique_attachment_frozen();
