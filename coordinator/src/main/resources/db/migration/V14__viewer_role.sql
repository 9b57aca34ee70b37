-- A key may be a viewer's: it reads the tenant's jobs and changes nothing (the dashboard's
-- read-only role).
ALTER TABLE api_key DROP CONSTRAINT api_key_role_check;
ALTER TABLE api_key ADD CONSTRAINT api_key_role_check
    CHECK (role IN ('viewer', 'submitter', 'operator', 'admin'));
