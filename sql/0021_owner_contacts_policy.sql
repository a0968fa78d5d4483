-- Up Migration
-- The owner chat checks its PIN as the tenant, like the staff chat (0013d): under the tenant role
-- a contact is also visible while it holds this tenant's owner session (owner_tenant_id, 0016).
DROP POLICY IF EXISTS tenant_contacts ON contacts;
CREATE POLICY tenant_contacts ON contacts
  USING (staff_tenant_id = app_current_tenant() OR active_tenant_id = app_current_tenant() OR owner_tenant_id = app_current_tenant())
  WITH CHECK (true);

-- Down Migration
DROP POLICY IF EXISTS tenant_contacts ON contacts;
CREATE POLICY tenant_contacts ON contacts
  USING (staff_tenant_id = app_current_tenant() OR active_tenant_id = app_current_tenant())
  WITH CHECK (true);
