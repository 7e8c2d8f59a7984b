-- CreateTable
CREATE TABLE "guide_attachment" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "first_version" INTEGER NOT NULL,
    "last_version" INTEGER,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guide_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "guide_attachment_article_id_idx" ON "guide_attachment"("article_id");

-- AddForeignKey
ALTER TABLE "guide_attachment" ADD CONSTRAINT "guide_attachment_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "guide_article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
