CREATE TABLE "buyer_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"buyer_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_sign_in_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"buyer_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "buyers" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_refunds" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"reason" text NOT NULL,
	"kind" text NOT NULL,
	"total" bigint NOT NULL,
	"currency" text NOT NULL,
	"lines" jsonb NOT NULL,
	"deducted_shipping" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"request_key" text,
	CONSTRAINT "order_refunds_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "shipment_events" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"shipment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"location" text,
	"external_id" text,
	CONSTRAINT "shipment_events_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
DROP INDEX "orders_seller_status_purchase_idx";--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "quantity_canceled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "points_granted" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "gift_message_text" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "gift_wrap_level" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "gift_wrap_price" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "buyer_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancellation_kind" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "canceled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "buyer_cancel_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "buyer_cancel_reason" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "ship_by_warning_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "buyer_edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "combined_shipment_id" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "pickup_status" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "tracking_status" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "actual_shipping_cost" bigint;--> statement-breakpoint
CREATE INDEX "buyer_sessions_buyer_idx" ON "buyer_sessions" USING btree ("buyer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "buyers_email_key" ON "buyers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "order_refunds_order_idx" ON "order_refunds" USING btree ("seller_id","order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_refunds_request_key" ON "order_refunds" USING btree ("seller_id","order_id","request_key");--> statement-breakpoint
CREATE INDEX "shipment_events_shipment_idx" ON "shipment_events" USING btree ("seller_id","shipment_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_events_external_key" ON "shipment_events" USING btree ("seller_id","shipment_id","external_id");--> statement-breakpoint
CREATE INDEX "orders_seller_status_purchase_id_idx" ON "orders" USING btree ("seller_id","status","purchase_date","id");--> statement-breakpoint
CREATE INDEX "orders_seller_status_updated_id_idx" ON "orders" USING btree ("seller_id","status","last_update_date","id");--> statement-breakpoint
CREATE INDEX "orders_seller_status_ship_by_idx" ON "orders" USING btree ("seller_id","status","latest_ship_date","id");--> statement-breakpoint
CREATE INDEX "orders_open_mfn_ship_by_idx" ON "orders" USING btree ("marketplace_id","latest_ship_date") WHERE status in ('Unshipped', 'PartiallyShipped') and fulfillment_channel = 'MFN';--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders" USING btree ("buyer_id","purchase_date");