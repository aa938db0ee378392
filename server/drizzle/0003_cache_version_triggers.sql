-- The in-memory catalog (services/catalog.ts) is rebuilt when this counter moves, so a
-- change made by any process or script is seen on the next request, never a stale cache.
INSERT INTO `cache_versions` (`key`, `version`) VALUES ('catalog', 0);
--> statement-breakpoint
CREATE TRIGGER `tag_groups_insert_bumps_catalog` AFTER INSERT ON `tag_groups`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `tag_groups_update_bumps_catalog` AFTER UPDATE ON `tag_groups`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `tag_groups_delete_bumps_catalog` AFTER DELETE ON `tag_groups`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `corp_tags_insert_bumps_catalog` AFTER INSERT ON `corp_tags`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `corp_tags_update_bumps_catalog` AFTER UPDATE ON `corp_tags`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `corp_tags_delete_bumps_catalog` AFTER DELETE ON `corp_tags`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `group_access_insert_bumps_catalog` AFTER INSERT ON `group_access`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `group_access_update_bumps_catalog` AFTER UPDATE ON `group_access`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `group_access_delete_bumps_catalog` AFTER DELETE ON `group_access`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `departments_insert_bumps_catalog` AFTER INSERT ON `departments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `departments_update_bumps_catalog` AFTER UPDATE ON `departments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `departments_delete_bumps_catalog` AFTER DELETE ON `departments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `members_insert_bumps_catalog` AFTER INSERT ON `members`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `members_update_bumps_catalog` AFTER UPDATE ON `members`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `members_delete_bumps_catalog` AFTER DELETE ON `members`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `member_departments_insert_bumps_catalog` AFTER INSERT ON `member_departments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `member_departments_update_bumps_catalog` AFTER UPDATE ON `member_departments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `member_departments_delete_bumps_catalog` AFTER DELETE ON `member_departments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `role_assignments_insert_bumps_catalog` AFTER INSERT ON `role_assignments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `role_assignments_update_bumps_catalog` AFTER UPDATE ON `role_assignments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
CREATE TRIGGER `role_assignments_delete_bumps_catalog` AFTER DELETE ON `role_assignments`
BEGIN UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `key` = 'catalog'; END;
--> statement-breakpoint
-- Each member's personal library is cached per member the same way.
CREATE TRIGGER `personal_tags_insert_bumps_library` AFTER INSERT ON `personal_tags`
BEGIN INSERT INTO `personal_library_versions` (`owner_id`, `version`) VALUES (NEW.`owner_id`, 1) ON CONFLICT(`owner_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `personal_tags_update_bumps_library` AFTER UPDATE ON `personal_tags`
BEGIN INSERT INTO `personal_library_versions` (`owner_id`, `version`) VALUES (OLD.`owner_id`, 1) ON CONFLICT(`owner_id`) DO UPDATE SET `version` = `version` + 1; INSERT INTO `personal_library_versions` (`owner_id`, `version`) VALUES (NEW.`owner_id`, 1) ON CONFLICT(`owner_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `personal_tags_delete_bumps_library` AFTER DELETE ON `personal_tags`
BEGIN INSERT INTO `personal_library_versions` (`owner_id`, `version`) VALUES (OLD.`owner_id`, 1) ON CONFLICT(`owner_id`) DO UPDATE SET `version` = `version` + 1; END;
