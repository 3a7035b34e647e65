CREATE TABLE "listing_views" (
	"seller_id" text NOT NULL,
	"sku" text NOT NULL,
	"day" date NOT NULL,
	"views" integer NOT NULL,
	"out_of_stock_views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "listing_views_seller_id_sku_day_pk" PRIMARY KEY("seller_id","sku","day")
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"seller_id" text NOT NULL,
	"sku" text NOT NULL,
	"marketplace_id" text NOT NULL,
	"asin" text,
	"title" text NOT NULL,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"quantity" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "listings_seller_id_sku_pk" PRIMARY KEY("seller_id","sku")
);
--> statement-breakpoint
CREATE TABLE "account_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"marketplace_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"notification_id" text NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"last_code" integer,
	"sent_at" timestamp with time zone,
	"digest_batch_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deliveries_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "digest_batches" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"frequency" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"flush_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"delivery_id" text,
	CONSTRAINT "digest_batches_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text,
	"type" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "failed_addresses" (
	"seller_id" text NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" text,
	"failed_at" timestamp with time zone NOT NULL,
	"reset_at" timestamp with time zone,
	CONSTRAINT "failed_addresses_seller_id_channel_address_pk" PRIMARY KEY("seller_id","channel","address")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"seller_id" text NOT NULL,
	"type" text NOT NULL,
	"enabled" boolean NOT NULL,
	"frequency" text NOT NULL,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"webhooks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"in_app" boolean DEFAULT true NOT NULL,
	"metrics" jsonb,
	"min_severity" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "notification_preferences_seller_id_type_pk" PRIMARY KEY("seller_id","type")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"severity" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "sp_api_destinations" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sp_api_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"client_id" text NOT NULL,
	"notification_type" text NOT NULL,
	"destination_id" text NOT NULL,
	"payload_version" text NOT NULL,
	"processing_directive" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"description" text,
	"status" text NOT NULL,
	"disabled_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_endpoints_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_idempotency_key" ON "deliveries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "deliveries_notification_idx" ON "deliveries" USING btree ("seller_id","notification_id");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE state in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "deliveries_failed_address_idx" ON "deliveries" USING btree ("seller_id","channel","address","state");--> statement-breakpoint
CREATE UNIQUE INDEX "digest_batches_window_key" ON "digest_batches" USING btree ("seller_id","type","channel","address","window_start");--> statement-breakpoint
CREATE INDEX "digest_batches_due_idx" ON "digest_batches" USING btree ("flush_at") WHERE state = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "domain_events_dedupe_key" ON "domain_events" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "domain_events_unprocessed_idx" ON "domain_events" USING btree ("occurred_at") WHERE processed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_key" ON "notifications" USING btree ("seller_id","event_id");--> statement-breakpoint
CREATE INDEX "notifications_seller_created_idx" ON "notifications" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "sp_api_destinations_client_idx" ON "sp_api_destinations" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sp_api_subscriptions_key" ON "sp_api_subscriptions" USING btree ("seller_id","client_id","notification_type");