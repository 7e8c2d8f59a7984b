-- CreateTable
CREATE TABLE "phone_line" (
    "id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "numbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "phone_line_pkey" PRIMARY KEY ("id")
);

-- The lines the telephone system reported before they were in the catalogue.
INSERT INTO "phone_line" ("id", "service_id", "audience_id", "numbers") VALUES
  ('cad-candidates', 'ca-dotation', 'candidate', ARRAY['418 528-7157', '1 866 672-3460']),
  ('cad-mo', 'ca-dotation', 'mo-specialist', ARRAY[]::text[]),
  ('sagir', 'sagir', 'sagir-user', ARRAY[]::text[])
ON CONFLICT DO NOTHING;
