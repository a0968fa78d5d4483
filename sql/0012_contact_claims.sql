-- Up Migration
-- Every claim of a sender counts on their contacts row. The claim then reads the sender's unhandled
-- messages in the same statement: the count it finds after taking the row's lock tells whether
-- another transaction claimed the sender after the statement's snapshot was taken (it waited for
-- that lock), in which case the messages it read may have been handled since and are read again.
ALTER TABLE contacts ADD COLUMN claims BIGINT NOT NULL DEFAULT 0;

