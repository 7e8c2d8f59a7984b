-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "email_domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sagir_adhered_on" DATE,
ADD COLUMN     "sagir_implemented_on" DATE,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "organization_contact" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "organization_contact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "organization_contact_organization_id_position_idx" ON "organization_contact"("organization_id", "position");

-- AddForeignKey
ALTER TABLE "organization_contact" ADD CONSTRAINT "organization_contact_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The MOs already using SAGIR met its prerequisites: their subscription's date stands for both.
UPDATE "organization" o SET "sagir_implemented_on" = s."since"::date, "sagir_adhered_on" = s."since"::date
FROM "organization_service" s WHERE s."organization_id" = o."id" AND s."service_id" = 'sagir';
