CREATE TABLE "customer_service_email_verifications" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_threads" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"marketplace_id" text NOT NULL,
	"order_id" text,
	"amazon_order_id" text,
	"topic" text NOT NULL,
	"subject" text NOT NULL,
	"product_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL,
	"last_message_direction" text NOT NULL,
	"last_message_preview" text DEFAULT '' NOT NULL,
	"message_count" integer DEFAULT 0 NOT NULL,
	"response_due_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"reply_deadline_at" timestamp with time zone,
	"reply_deadline_reminded_at" timestamp with time zone,
	"seller_unread" boolean DEFAULT false NOT NULL,
	"buyer_unread" boolean DEFAULT false NOT NULL,
	CONSTRAINT "message_threads_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"thread_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"order_id" text,
	"direction" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"suspected_phishing" boolean DEFAULT false NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author" text NOT NULL,
	"email_message_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"response_due_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"no_response_needed_at" timestamp with time zone,
	"forward_status" text NOT NULL,
	"forward_attempts" integer DEFAULT 0 NOT NULL,
	"forward_next_at" timestamp with time zone,
	"forward_lease_until" timestamp with time zone,
	"forwarded_at" timestamp with time zone,
	"forward_error" text,
	"read_at" timestamp with time zone,
	CONSTRAINT "messages_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_uploads" (
	"seller_id" text NOT NULL,
	"id" text NOT NULL,
	"resource" text NOT NULL,
	"content_md5" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint,
	"data" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	"uploaded_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_uploads_seller_id_id_pk" PRIMARY KEY("seller_id","id")
);
--> statement-breakpoint
CREATE TABLE "policy_phrases" (
	"id" text PRIMARY KEY NOT NULL,
	"marketplace_id" text NOT NULL,
	"rule" text NOT NULL,
	"phrase" text NOT NULL,
	"language" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relay_addresses" (
	"address" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"party" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "message_threads_key" ON "message_threads" USING btree ("seller_id","buyer_id",coalesce("order_id", ''),"topic",coalesce("product_ref", ''));--> statement-breakpoint
CREATE INDEX "message_threads_seller_last_idx" ON "message_threads" USING btree ("seller_id","last_message_at","id");--> statement-breakpoint
CREATE INDEX "message_threads_seller_due_idx" ON "message_threads" USING btree ("seller_id","response_due_at") WHERE response_due_at is not null;--> statement-breakpoint
CREATE INDEX "message_threads_due_unnotified_idx" ON "message_threads" USING btree ("response_due_at") WHERE response_due_at is not null and overdue_notified_at is null;--> statement-breakpoint
CREATE INDEX "message_threads_reply_deadline_idx" ON "message_threads" USING btree ("reply_deadline_at") WHERE reply_deadline_at is not null and reply_deadline_reminded_at is null;--> statement-breakpoint
CREATE INDEX "message_threads_buyer_idx" ON "message_threads" USING btree ("buyer_id","last_message_at");--> statement-breakpoint
CREATE INDEX "message_threads_seller_order_idx" ON "message_threads" USING btree ("seller_id","amazon_order_id");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("seller_id","thread_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_email_message_id_key" ON "messages" USING btree ("seller_id","email_message_id") WHERE email_message_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_one_solicitation_per_order" ON "messages" USING btree ("seller_id","order_id") WHERE kind = 'productReviewAndSellerFeedback' and status = 'accepted';--> statement-breakpoint
CREATE INDEX "messages_forward_pending_idx" ON "messages" USING btree ("forward_next_at") WHERE forward_status = 'pending';--> statement-breakpoint
CREATE INDEX "messages_seller_buyer_msgs_idx" ON "messages" USING btree ("seller_id","created_at") WHERE direction = 'buyer_to_seller';--> statement-breakpoint
CREATE INDEX "messages_buyer_created_idx" ON "messages" USING btree ("buyer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_phrases_key" ON "policy_phrases" USING btree ("marketplace_id","rule","phrase");--> statement-breakpoint
CREATE UNIQUE INDEX "relay_addresses_pair_key" ON "relay_addresses" USING btree ("seller_id","buyer_id","party");--> statement-breakpoint
CREATE INDEX "orders_buyer_relay_idx" ON "orders" USING btree ("buyer_relay_email");--> statement-breakpoint
-- Marketplaces created before this release get the new messaging limits (seeded values; the
-- operator's own settings win where present).
UPDATE "marketplaces" SET "policy" = jsonb_set("policy", '{messaging}', '{"maxMessagesPerSenderPerHour":20,"maxMessageChars":4000,"maxAttachmentBytes":10485760,"attachmentContentTypes":["application/pdf","image/jpeg","image/png","image/gif","text/plain","application/msword","application/vnd.openxmlformats-officedocument.wordprocessingml.document"],"solicitationFromDaysAfterEarliestDelivery":5,"solicitationToDaysAfterLatestDelivery":30,"replyDeadlineHours":{"min":24,"max":168}}'::jsonb || coalesce("policy"->'messaging', '{}'::jsonb));
