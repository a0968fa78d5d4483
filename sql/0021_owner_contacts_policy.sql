-- Up Migration
-- Under the tenant role a contact row is visible (0013d) while it is this tenant's staff session
-- or this tenant is its active vendor. Two more readers need it:
-- - the owner chat checks its PIN as the tenant, like the staff chat: the row holding this
--   tenant's owner session (owner_tenant_id, 0016);
-- - a tenant's broadcasts, reminders and notices speak each customer's chosen language
--   (contacts.language, 0019), also for customers whose active vendor is another one: the rows
--   of this tenant's own customers (the customers subquery is itself bound to this tenant by
--   its RLS). What that shows a tenant beyond the language is the id of the vendor the person
--   last chatted with, never its name.
DROP POLICY IF EXISTS tenant_contacts ON contacts;
CREATE POLICY tenant_contacts ON contacts
  USING (
    staff_tenant_id = app_current_tenant()
    OR active_tenant_id = app_current_tenant()
    OR owner_tenant_id = app_current_tenant()
    OR EXISTS (SELECT 1 FROM customers c WHERE c.phone_number = contacts.phone_number AND c.tenant_id = app_current_tenant())
  )
  WITH CHECK (true);

-- Down Migration
DROP POLICY IF EXISTS tenant_contacts ON contacts;
CREATE POLICY tenant_contacts ON contacts
  USING (staff_tenant_id = app_current_tenant() OR active_tenant_id = app_current_tenant())
  WITH CHECK (true);
