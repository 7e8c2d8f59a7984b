-- CreateTable
CREATE TABLE "call_import" (
    "id" UUID NOT NULL,
    "line_id" TEXT NOT NULL,
    "layout" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "filename" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "committed_at" TIMESTAMPTZ(3),

    CONSTRAINT "call_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "call_import_created_at_idx" ON "call_import"("created_at");

-- AddForeignKey
ALTER TABLE "call_import" ADD CONSTRAINT "call_import_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
