-- A rule-raised escalation keeps its rule's values, so its message is said again in each
-- reader's language (docs/I18N.md); older rows have none and keep their stored English message.
ALTER TABLE "escalations" ADD COLUMN "rule_values" jsonb;