-- Live updates across app servers: a change a member should see at once (a
-- handoff assigned to them or taken away, a new notification) signals
-- channel "smk_live" with their user id. NOTIFY is delivered at commit, to
-- every app server listening, whichever server (or script) made the change.
CREATE OR REPLACE FUNCTION "smk_live_notify_user"(user_id TEXT) RETURNS void AS $$
BEGIN
  IF user_id IS NOT NULL THEN
    PERFORM pg_notify('smk_live', user_id);
  END IF;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "smk_live_notification"() RETURNS trigger AS $$
BEGIN
  PERFORM "smk_live_notify_user"(NEW."userId");
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Notification_live"
  AFTER INSERT OR UPDATE OF "readAt" ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION "smk_live_notification"();

CREATE OR REPLACE FUNCTION "smk_live_handoff"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "smk_live_notify_user"(NEW."assigneeId");
  ELSIF NEW.status IS DISTINCT FROM OLD.status OR NEW."assigneeId" IS DISTINCT FROM OLD."assigneeId"
        OR NEW."assignedAt" IS DISTINCT FROM OLD."assignedAt" THEN
    PERFORM "smk_live_notify_user"(NEW."assigneeId");
    IF OLD."assigneeId" IS DISTINCT FROM NEW."assigneeId" THEN
      PERFORM "smk_live_notify_user"(OLD."assigneeId");
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Handoff_live"
  AFTER INSERT OR UPDATE ON "Handoff"
  FOR EACH ROW EXECUTE FUNCTION "smk_live_handoff"();
