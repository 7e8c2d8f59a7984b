-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "service" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audience" (
    "id" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "audience_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel" (
    "id" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_audience" (
    "service_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "service_audience_pkey" PRIMARY KEY ("service_id","audience_id")
);

-- CreateTable
CREATE TABLE "service_audience_channel" (
    "service_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "service_audience_channel_pkey" PRIMARY KEY ("service_id","audience_id","channel_id")
);

-- CreateTable
CREATE TABLE "calendar" (
    "id" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "holiday_set_id" TEXT NOT NULL,

    CONSTRAINT "calendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_interval" (
    "id" SERIAL NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "start_minute" SMALLINT NOT NULL,
    "end_minute" SMALLINT NOT NULL,

    CONSTRAINT "calendar_interval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday_set" (
    "id" TEXT NOT NULL,
    "rule" TEXT,

    CONSTRAINT "holiday_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday_set_year" (
    "holiday_set_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,

    CONSTRAINT "holiday_set_year_pkey" PRIMARY KEY ("holiday_set_id","year")
);

-- CreateTable
CREATE TABLE "holiday" (
    "id" SERIAL NOT NULL,
    "holiday_set_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "name_fr" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "clock" TEXT NOT NULL,
    "calendar_id" TEXT NOT NULL,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_channel" (
    "target_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,

    CONSTRAINT "target_channel_pkey" PRIMARY KEY ("target_id","channel_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_slug_key" ON "service"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_interval_calendar_id_weekday_start_minute_key" ON "calendar_interval"("calendar_id", "weekday", "start_minute");

-- CreateIndex
CREATE INDEX "holiday_holiday_set_id_year_idx" ON "holiday"("holiday_set_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "holiday_holiday_set_id_date_key" ON "holiday"("holiday_set_id", "date");

-- AddForeignKey
ALTER TABLE "service_audience" ADD CONSTRAINT "service_audience_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_audience" ADD CONSTRAINT "service_audience_audience_id_fkey" FOREIGN KEY ("audience_id") REFERENCES "audience"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_audience" ADD CONSTRAINT "service_audience_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_audience_channel" ADD CONSTRAINT "service_audience_channel_service_id_audience_id_fkey" FOREIGN KEY ("service_id", "audience_id") REFERENCES "service_audience"("service_id", "audience_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_audience_channel" ADD CONSTRAINT "service_audience_channel_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar" ADD CONSTRAINT "calendar_holiday_set_id_fkey" FOREIGN KEY ("holiday_set_id") REFERENCES "holiday_set"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_interval" ADD CONSTRAINT "calendar_interval_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "holiday_set_year" ADD CONSTRAINT "holiday_set_year_holiday_set_id_fkey" FOREIGN KEY ("holiday_set_id") REFERENCES "holiday_set"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_holiday_set_id_fkey" FOREIGN KEY ("holiday_set_id") REFERENCES "holiday_set"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_audience_id_fkey" FOREIGN KEY ("audience_id") REFERENCES "audience"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_channel" ADD CONSTRAINT "target_channel_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_channel" ADD CONSTRAINT "target_channel_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

