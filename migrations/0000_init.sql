CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "instance_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailbox" (
	"id" text PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"from" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"transport" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_authorizations" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"refresh_token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "authorization_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "developer_apps" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"name" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operator_api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"seller_id" text,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketplaces" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country_code" text NOT NULL,
	"currency" text NOT NULL,
	"language" text NOT NULL,
	"time_zone" text NOT NULL,
	"domain" text NOT NULL,
	"sales_channel" text NOT NULL,
	"policy" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sellers" (
	"id" text PRIMARY KEY NOT NULL,
	"marketplace_id" text NOT NULL,
	"name" text NOT NULL,
	"selling_plan" text NOT NULL,
	"time_zone" text NOT NULL,
	"language" text NOT NULL,
	"customer_service_email" text,
	"customer_service_email_verified_at" timestamp with time zone,
	"emergency_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_charges" (
	"seller_id" text NOT NULL,
	"order_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"shipment_id" text NOT NULL,
	"charged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_charges_seller_id_order_id_pk" PRIMARY KEY("seller_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "order_events_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"seller_id" text NOT NULL,
	"order_id" text NOT NULL,
	"order_item_id" text NOT NULL,
	"position" integer NOT NULL,
	"asin" text NOT NULL,
	"sku" text NOT NULL,
	"title" text NOT NULL,
	"quantity_ordered" integer NOT NULL,
	"quantity_shipped" integer DEFAULT 0 NOT NULL,
	"unit_price" bigint NOT NULL,
	"item_price" bigint NOT NULL,
	"shipping_price" bigint NOT NULL,
	"item_tax" bigint DEFAULT 0 NOT NULL,
	"shipping_tax" bigint DEFAULT 0 NOT NULL,
	"promotion_discount" bigint DEFAULT 0 NOT NULL,
	"shipping_discount" bigint DEFAULT 0 NOT NULL,
	"is_gift" boolean DEFAULT false NOT NULL,
	"condition_id" text DEFAULT 'New' NOT NULL,
	CONSTRAINT "order_items_seller_id_order_id_order_item_id_pk" PRIMARY KEY("seller_id","order_id","order_item_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"amazon_order_id" text NOT NULL,
	"marketplace_id" text NOT NULL,
	"seller_order_id" text,
	"status" text NOT NULL,
	"fulfillment_channel" text NOT NULL,
	"payment_method" text NOT NULL,
	"payment_verified_at" timestamp with time zone,
	"is_business_order" boolean DEFAULT false NOT NULL,
	"purchase_order_number" text,
	"buyer_name" text NOT NULL,
	"buyer_email" text NOT NULL,
	"buyer_relay_email" text NOT NULL,
	"shipping_address" jsonb NOT NULL,
	"ship_service_level" text NOT NULL,
	"shipment_service_level_category" text NOT NULL,
	"handling_days" integer NOT NULL,
	"currency" text NOT NULL,
	"order_total" bigint NOT NULL,
	"items_shipped" integer DEFAULT 0 NOT NULL,
	"items_unshipped" integer NOT NULL,
	"purchase_date" timestamp with time zone NOT NULL,
	"last_update_date" timestamp with time zone NOT NULL,
	"earliest_ship_date" timestamp with time zone,
	"latest_ship_date" timestamp with time zone,
	"earliest_delivery_date" timestamp with time zone,
	"latest_delivery_date" timestamp with time zone,
	"charged_at" timestamp with time zone,
	CONSTRAINT "orders_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "shipment_items" (
	"seller_id" text NOT NULL,
	"shipment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"order_item_id" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "shipment_items_seller_id_shipment_id_order_item_id_pk" PRIMARY KEY("seller_id","shipment_id","order_item_id")
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"package_reference_id" text NOT NULL,
	"carrier_code" text NOT NULL,
	"carrier_name" text,
	"shipping_method" text,
	"tracking_number" text NOT NULL,
	"ship_date" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"confirmed_by" text NOT NULL,
	CONSTRAINT "shipments_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_clock" (
	"id" smallint PRIMARY KEY NOT NULL,
	"offset_ms" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sellers" ADD CONSTRAINT "sellers_marketplace_id_marketplaces_id_fk" FOREIGN KEY ("marketplace_id") REFERENCES "public"."marketplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_authorizations_refresh_token_key" ON "app_authorizations" USING btree ("refresh_token_hash");--> statement-breakpoint
CREATE INDEX "app_authorizations_app_idx" ON "app_authorizations" USING btree ("app_id");--> statement-breakpoint
CREATE UNIQUE INDEX "developer_apps_client_id_key" ON "developer_apps" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "developer_apps_seller_idx" ON "developer_apps" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "login_failures_key_at_idx" ON "login_failures" USING btree ("key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "operator_api_keys_hash_key" ON "operator_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("seller_id","order_id","at");--> statement-breakpoint
CREATE INDEX "order_items_seller_sku_idx" ON "order_items" USING btree ("seller_id","sku");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_amazon_order_id_key" ON "orders" USING btree ("amazon_order_id");--> statement-breakpoint
CREATE INDEX "orders_seller_purchase_idx" ON "orders" USING btree ("seller_id","purchase_date","id");--> statement-breakpoint
CREATE INDEX "orders_seller_updated_idx" ON "orders" USING btree ("seller_id","last_update_date","id");--> statement-breakpoint
CREATE INDEX "orders_seller_status_purchase_idx" ON "orders" USING btree ("seller_id","status","purchase_date");--> statement-breakpoint
CREATE INDEX "orders_seller_buyer_email_idx" ON "orders" USING btree ("seller_id",lower("buyer_email"));--> statement-breakpoint
CREATE INDEX "orders_seller_buyer_relay_idx" ON "orders" USING btree ("seller_id","buyer_relay_email");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_package_key" ON "shipments" USING btree ("seller_id","order_id","package_reference_id");