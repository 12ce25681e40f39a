CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "candidacies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"fabrique_id" uuid NOT NULL,
	"stage" text DEFAULT 'submitted' NOT NULL,
	"application_date" date NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text,
	"referrer_partner_id" uuid,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rejection" jsonb,
	"withdrawal_reason" text,
	"eligibility" jsonb,
	"eligibility_status" text,
	"eligibility_inputs" jsonb,
	"criteria_met" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligibility_decision" jsonb,
	"is_flagged_enrolled_elsewhere" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidacy_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"type" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"details" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "candidacy_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"address" jsonb,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" jsonb,
	"consent" jsonb NOT NULL,
	"disability_recognition" boolean,
	"search_text" text DEFAULT '' NOT NULL,
	"identity_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"program_id" uuid,
	"current_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_policy_versions" (
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "eligibility_policy_versions_policy_id_version_pk" PRIMARY KEY("policy_id","version")
);
--> statement-breakpoint
CREATE TABLE "idempotency_records" (
	"caller_key" text NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response_body" text,
	"response_headers" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "idempotency_records_caller_key_key_pk" PRIMARY KEY("caller_key","key")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fabrique_id" uuid,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"rncp_code" text,
	"rncp_level" integer,
	"duration_hours" integer NOT NULL,
	"default_eligibility_policy_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"step" text NOT NULL,
	"scores" jsonb NOT NULL,
	"total" numeric NOT NULL,
	"max_total" numeric NOT NULL,
	"recommendation" text NOT NULL,
	"comment" text,
	"evaluator_id" uuid NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_trainers" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "session_trainers_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fabrique_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"application_opens_on" date NOT NULL,
	"application_closes_on" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"capacity" integer NOT NULL,
	"eligibility_policy_id" uuid NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auto_close_after_days" integer DEFAULT 30 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_fabrique_id_fabriques_id_fk" FOREIGN KEY ("fabrique_id") REFERENCES "public"."fabriques"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_events" ADD CONSTRAINT "candidacy_events_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_notes" ADD CONSTRAINT "candidacy_notes_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_policy_versions" ADD CONSTRAINT "eligibility_policy_versions_policy_id_eligibility_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."eligibility_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_fabrique_id_fabriques_id_fk" FOREIGN KEY ("fabrique_id") REFERENCES "public"."fabriques"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_default_eligibility_policy_id_eligibility_policies_id_fk" FOREIGN KEY ("default_eligibility_policy_id") REFERENCES "public"."eligibility_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_trainers" ADD CONSTRAINT "session_trainers_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_trainers" ADD CONSTRAINT "session_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_fabrique_id_fabriques_id_fk" FOREIGN KEY ("fabrique_id") REFERENCES "public"."fabriques"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_eligibility_policy_id_eligibility_policies_id_fk" FOREIGN KEY ("eligibility_policy_id") REFERENCES "public"."eligibility_policies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidacies_one_open_per_session" ON "candidacies" USING btree ("candidate_id","session_id") WHERE "candidacies"."stage" not in ('rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX "candidacies_session_id_stage_index" ON "candidacies" USING btree ("session_id","stage");--> statement-breakpoint
CREATE INDEX "candidacies_fabrique_id_submitted_at_id_index" ON "candidacies" USING btree ("fabrique_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "candidacies_candidate_id_index" ON "candidacies" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "candidacies_criteria_met_gin" ON "candidacies" USING gin ("criteria_met");--> statement-breakpoint
CREATE INDEX "candidacy_events_candidacy_id_occurred_at_index" ON "candidacy_events" USING btree ("candidacy_id","occurred_at");--> statement-breakpoint
CREATE INDEX "candidacy_notes_candidacy_id_index" ON "candidacy_notes" USING btree ("candidacy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_email_unique" ON "candidates" USING btree ("email") WHERE "candidates"."email" is not null;--> statement-breakpoint
CREATE INDEX "candidates_phone_index" ON "candidates" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "candidates_identity_key_index" ON "candidates" USING btree ("identity_key");--> statement-breakpoint
CREATE INDEX "candidates_search_trgm" ON "candidates" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "idempotency_records_created_at_index" ON "idempotency_records" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "scorecards_candidacy_id_index" ON "scorecards" USING btree ("candidacy_id");--> statement-breakpoint
CREATE INDEX "session_trainers_user_id_index" ON "session_trainers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_fabrique_id_status_index" ON "sessions" USING btree ("fabrique_id","status");--> statement-breakpoint
CREATE INDEX "sessions_program_id_index" ON "sessions" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "sessions_start_date_index" ON "sessions" USING btree ("start_date");