CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"fabrique_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"due_on" date NOT NULL,
	"situation" jsonb,
	"situation_kind" text,
	"placement_id" uuid,
	"comment" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"offer_id" uuid NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"placement_id" uuid,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"fabrique_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"positions" integer DEFAULT 1 NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"start_date" date,
	"end_date" date,
	"description" text,
	"is_open" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_fabriques" (
	"partner_id" uuid NOT NULL,
	"fabrique_id" uuid NOT NULL,
	CONSTRAINT "partner_fabriques_partner_id_fabrique_id_pk" PRIMARY KEY("partner_id","fabrique_id")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"siret" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"fabrique_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"partner_id" uuid,
	"employer_name" text,
	"job_title" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"duration_months" integer,
	"has_hiring_promise" boolean DEFAULT false NOT NULL,
	"is_qualifying_training" boolean,
	"previous_placement_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_fundings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"scheme" text NOT NULL,
	"audit_retention_years" integer DEFAULT 10 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_hosts" (
	"session_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"role" text,
	CONSTRAINT "session_hosts_session_id_partner_id_pk" PRIMARY KEY("session_id","partner_id")
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "outcome_mapping" jsonb;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_fabrique_id_fabriques_id_fk" FOREIGN KEY ("fabrique_id") REFERENCES "public"."fabriques"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_proposals" ADD CONSTRAINT "offer_proposals_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_proposals" ADD CONSTRAINT "offer_proposals_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_proposals" ADD CONSTRAINT "offer_proposals_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_fabrique_id_fabriques_id_fk" FOREIGN KEY ("fabrique_id") REFERENCES "public"."fabriques"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_fabriques" ADD CONSTRAINT "partner_fabriques_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_fabriques" ADD CONSTRAINT "partner_fabriques_fabrique_id_fabriques_id_fk" FOREIGN KEY ("fabrique_id") REFERENCES "public"."fabriques"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_fabrique_id_fabriques_id_fk" FOREIGN KEY ("fabrique_id") REFERENCES "public"."fabriques"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_fundings" ADD CONSTRAINT "session_fundings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_fundings" ADD CONSTRAINT "session_fundings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_hosts" ADD CONSTRAINT "session_hosts_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_hosts" ADD CONSTRAINT "session_hosts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_candidacy_id_milestone_index" ON "follow_ups" USING btree ("candidacy_id","milestone");--> statement-breakpoint
CREATE INDEX "follow_ups_fabrique_id_due_on_index" ON "follow_ups" USING btree ("fabrique_id","due_on") WHERE "follow_ups"."recorded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "offer_proposals_offer_id_candidacy_id_index" ON "offer_proposals" USING btree ("offer_id","candidacy_id");--> statement-breakpoint
CREATE INDEX "offer_proposals_candidacy_id_index" ON "offer_proposals" USING btree ("candidacy_id");--> statement-breakpoint
CREATE INDEX "offers_partner_id_index" ON "offers" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "offers_fabrique_id_is_open_index" ON "offers" USING btree ("fabrique_id","is_open");--> statement-breakpoint
CREATE INDEX "partner_fabriques_fabrique_id_index" ON "partner_fabriques" USING btree ("fabrique_id");--> statement-breakpoint
CREATE INDEX "partners_kind_index" ON "partners" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "partners_name_trgm" ON "partners" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "placements_candidacy_id_start_date_index" ON "placements" USING btree ("candidacy_id","start_date");--> statement-breakpoint
CREATE INDEX "placements_fabrique_id_index" ON "placements" USING btree ("fabrique_id");--> statement-breakpoint
CREATE INDEX "placements_partner_id_index" ON "placements" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "session_fundings_session_id_index" ON "session_fundings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_fundings_partner_id_index" ON "session_fundings" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "session_hosts_partner_id_index" ON "session_hosts" USING btree ("partner_id");