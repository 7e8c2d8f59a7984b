-- CreateTable
CREATE TABLE "request_read" (
    "request_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_read_pkey" PRIMARY KEY ("user_id","request_id")
);

-- AddForeignKey
ALTER TABLE "request_read" ADD CONSTRAINT "request_read_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_read" ADD CONSTRAINT "request_read_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
