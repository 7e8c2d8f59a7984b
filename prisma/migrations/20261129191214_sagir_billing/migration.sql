-- CreateTable
CREATE TABLE "tariff_rate" (
    "service_id" TEXT NOT NULL,
    "from" DATE NOT NULL,
    "cents_per_employee" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tariff_rate_pkey" PRIMARY KEY ("service_id","from")
);

-- CreateTable
CREATE TABLE "billing_agreement" (
    "organization_id" UUID NOT NULL,
    "first_month" TEXT NOT NULL,
    "last_month" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3),

    CONSTRAINT "billing_agreement_pkey" PRIMARY KEY ("organization_id")
);

-- CreateTable
CREATE TABLE "billing_estimate" (
    "organization_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "employees" INTEGER NOT NULL,

    CONSTRAINT "billing_estimate_pkey" PRIMARY KEY ("organization_id","fiscal_year")
);

-- CreateTable
CREATE TABLE "headcount_declaration" (
    "organization_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "employees" INTEGER NOT NULL,
    "declared_by_id" UUID,
    "declared_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "headcount_declaration_pkey" PRIMARY KEY ("organization_id","month")
);

-- CreateTable
CREATE TABLE "invoice" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "month" TEXT,
    "employees" INTEGER NOT NULL,
    "cents_per_employee" INTEGER,
    "amount_cents" INTEGER NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "issued_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "paid_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invoice_number_key" ON "invoice"("number");

-- CreateIndex
CREATE INDEX "invoice_issued_on_idx" ON "invoice"("issued_on");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_organization_id_key_key" ON "invoice"("organization_id", "key");
