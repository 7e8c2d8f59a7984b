-- The managers' dashboards read a service's requests received in a period (a day to a year).
CREATE INDEX "request_service_received_idx" ON "request"("service_id", "received_at");
