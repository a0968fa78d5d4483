-- Up Migration
-- Tiers (issue 20): the highest VIP level a customer has reached. It only ever goes up (spending
-- points never lowers it), and changing it is what sends the one "you moved up" message.
ALTER TABLE customers ADD COLUMN IF NOT EXISTS tier_name VARCHAR(20);
ALTER TABLE customers ADD COLUMN IF NOT EXISTS tier_reached_at TIMESTAMPTZ;
-- BIRTHDAY in chat: asked once after the third purchase; a "no" is kept so it is never asked again.
ALTER TABLE customers ADD COLUMN IF NOT EXISTS birthday_asked_at TIMESTAMPTZ;
ALTER TABLE customers ADD COLUMN IF NOT EXISTS birthday_declined_at TIMESTAMPTZ;

-- Product rules: a purchase may name its product category, and a rule may stop lower-priority ones.
ALTER TABLE purchases ADD COLUMN IF NOT EXISTS product_category VARCHAR(100);
ALTER TABLE points_rules ADD COLUMN IF NOT EXISTS exclusive BOOLEAN NOT NULL DEFAULT false;

-- DELETE MY DATA asks for YES first: when it asked (the question lapses after 10 minutes).
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS data_erase_requested_at TIMESTAMPTZ;

-- Down Migration
ALTER TABLE contacts DROP COLUMN IF EXISTS data_erase_requested_at;
ALTER TABLE points_rules DROP COLUMN IF EXISTS exclusive;
ALTER TABLE purchases DROP COLUMN IF EXISTS product_category;
ALTER TABLE customers DROP COLUMN IF EXISTS birthday_declined_at;
ALTER TABLE customers DROP COLUMN IF EXISTS birthday_asked_at;
ALTER TABLE customers DROP COLUMN IF EXISTS tier_reached_at;
ALTER TABLE customers DROP COLUMN IF EXISTS tier_name;
