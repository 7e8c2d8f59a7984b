-- CreateIndex
CREATE INDEX "invoice_fiscal_year_organization_id_idx" ON "invoice"("fiscal_year", "organization_id");

-- CreateIndex
CREATE INDEX "invoice_kind_month_idx" ON "invoice"("kind", "month");
