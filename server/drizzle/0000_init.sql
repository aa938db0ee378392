CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`customer_id` text,
	`group_id` integer,
	`tag_id` integer,
	`owner_id` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_customer_idx` ON `audit_log` (`customer_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_group_idx` ON `audit_log` (`group_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_owner_idx` ON `audit_log` (`owner_id`,`at`);--> statement-breakpoint
CREATE TABLE `corp_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wecom_id` text,
	`group_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	`deletion_id` integer,
	FOREIGN KEY (`group_id`) REFERENCES `tag_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `corp_tags_wecom_id_unique` ON `corp_tags` (`wecom_id`);--> statement-breakpoint
CREATE INDEX `corp_tags_group_idx` ON `corp_tags` (`group_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `corp_tags_group_name_unique` ON `corp_tags` (`group_id`,`name_key`) WHERE deleted_at is null;--> statement-breakpoint
CREATE TABLE `customer_corp_tags` (
	`external_user_id` text NOT NULL,
	`tag_id` integer NOT NULL,
	`marked_by` text,
	`marked_at` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`external_user_id`, `tag_id`),
	FOREIGN KEY (`external_user_id`) REFERENCES `customers`(`external_user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `corp_tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_corp_tags_tag_idx` ON `customer_corp_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `group_access` (
	`group_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	PRIMARY KEY(`group_id`, `kind`, `target_type`, `target_id`),
	FOREIGN KEY (`group_id`) REFERENCES `tag_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tag_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wecom_id` text,
	`name` text NOT NULL,
	`parent_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`exclusive` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`deletion_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tag_groups_wecom_id_unique` ON `tag_groups` (`wecom_id`);--> statement-breakpoint
CREATE INDEX `tag_groups_parent_idx` ON `tag_groups` (`parent_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`external_user_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`avatar` text,
	`corp_name` text,
	`type` integer DEFAULT 1 NOT NULL,
	`gender` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `follow_relations` (
	`user_id` text NOT NULL,
	`external_user_id` text NOT NULL,
	`remark` text,
	`add_way` integer,
	`state` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `external_user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `members`(`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`external_user_id`) REFERENCES `customers`(`external_user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_relations_customer_idx` ON `follow_relations` (`external_user_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `departments_parent_idx` ON `departments` (`parent_id`);--> statement-breakpoint
CREATE TABLE `member_departments` (
	`user_id` text NOT NULL,
	`department_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `department_id`),
	FOREIGN KEY (`user_id`) REFERENCES `members`(`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_departments_dept_idx` ON `member_departments` (`department_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`user_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`avatar` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `role_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`department_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `members`(`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_unique` ON `role_assignments` (`user_id`,`role`,`department_id`);--> statement-breakpoint
CREATE TABLE `customer_personal_tags` (
	`tag_id` integer NOT NULL,
	`external_user_id` text NOT NULL,
	`note` text,
	`from_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tag_id`, `external_user_id`),
	FOREIGN KEY (`tag_id`) REFERENCES `personal_tags`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`external_user_id`) REFERENCES `customers`(`external_user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_personal_tags_customer_idx` ON `customer_personal_tags` (`external_user_id`);--> statement-breakpoint
CREATE TABLE `personal_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `members`(`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `personal_tags_owner_name_unique` ON `personal_tags` (`owner_id`,`name_key`) WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX `personal_tags_name_key_idx` ON `personal_tags` (`name_key`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposer_id` text NOT NULL,
	`personal_tag_id` integer NOT NULL,
	`proposed_name` text NOT NULL,
	`target_group_id` integer,
	`new_group_name` text,
	`reason` text NOT NULL,
	`customer_count` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decision` text,
	`decision_reason` text,
	`result_tag_id` integer,
	`migrate_scope` text,
	`retire_personal` integer,
	`migrated_count` integer,
	`seen_at` integer,
	FOREIGN KEY (`proposer_id`) REFERENCES `members`(`user_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`personal_tag_id`) REFERENCES `personal_tags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposals_proposer_idx` ON `proposals` (`proposer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `proposals_status_idx` ON `proposals` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_one_pending_per_tag` ON `proposals` (`personal_tag_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `deleted_assignments` (
	`deletion_id` integer NOT NULL,
	`external_user_id` text NOT NULL,
	`tag_id` integer NOT NULL,
	`marked_by` text,
	`marked_at` integer NOT NULL,
	`source` text NOT NULL,
	FOREIGN KEY (`deletion_id`) REFERENCES `deletions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deleted_assignments_deletion_idx` ON `deleted_assignments` (`deletion_id`);--> statement-breakpoint
CREATE TABLE `deletions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`name` text NOT NULL,
	`deleted_by` text NOT NULL,
	`deleted_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`restored_at` integer,
	`restored_by` text,
	`purged_at` integer,
	`tag_count` integer DEFAULT 0 NOT NULL,
	`assignment_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deletions_expires_idx` ON `deletions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `app_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `wecom_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_key` text NOT NULL,
	`received_at` integer NOT NULL,
	`processed_at` integer,
	`payload` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wecom_events_key_unique` ON `wecom_events` (`event_key`);--> statement-breakpoint
CREATE TABLE `wecom_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`external_user_id` text,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE INDEX `wecom_outbox_due_idx` ON `wecom_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `wecom_outbox_customer_idx` ON `wecom_outbox` (`external_user_id`,`status`);