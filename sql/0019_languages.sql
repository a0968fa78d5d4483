-- Up Migration
-- The language a person chose with LANGUAGE (issue #18). It belongs to the phone, not to one
-- vendor: a customer of several vendors, or a staff member, is answered in it everywhere. NULL
-- means never chosen: the vendor's default (tenants.settings->>'language') applies, else English.
ALTER TABLE contacts ADD COLUMN language TEXT
  CONSTRAINT contacts_language_known CHECK (language IN ('en', 'pcm', 'yo', 'ha', 'ig'));
