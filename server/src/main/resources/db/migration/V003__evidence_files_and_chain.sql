-- Evidence that holds up: every file of a capture, the hash chain, custody facts, the trusted timestamp.
-- Captures stored before this migration get their sequence and manifest from a start-up backfill in Java
-- (ChainBackfill), so the chain columns stay nullable here.

CREATE TABLE capture_file (
  capture_id  VARCHAR(26)  NOT NULL REFERENCES capture (id),
  role        VARCHAR(20)  NOT NULL CHECK (role IN ('screenshot', 'viewport', 'html', 'mhtml', 'manifest', 'timestamp')),
  sha256      CHAR(64)     NOT NULL,
  bytes       BIGINT       NOT NULL,
  media_type  VARCHAR(100) NOT NULL,
  width       INTEGER,
  height      INTEGER,
  PRIMARY KEY (capture_id, role)
);

CREATE INDEX capture_file_sha256 ON capture_file (sha256);

ALTER TABLE capture ADD COLUMN sequence BIGINT;
ALTER TABLE capture ADD COLUMN manifest_sha256 CHAR(64);
ALTER TABLE capture ADD COLUMN previous_manifest_sha256 CHAR(64);
ALTER TABLE capture ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT FALSE;
-- The address the server saw the upload come from: the network fact (AFNOR NF Z67-147) the extension cannot know.
ALTER TABLE capture ADD COLUMN received_from VARCHAR(100);
ALTER TABLE capture ADD COLUMN deleted_seen_at TIMESTAMP(3);
ALTER TABLE capture ADD COLUMN deleted_how VARCHAR(30);
ALTER TABLE capture ADD COLUMN deleted_page_url VARCHAR(4096);
ALTER TABLE capture ADD COLUMN timestamp_status VARCHAR(10) NOT NULL DEFAULT 'none'
  CHECK (timestamp_status IN ('none', 'stamped', 'failed'));
ALTER TABLE capture ADD COLUMN timestamp_at TIMESTAMP(3);
ALTER TABLE capture ADD COLUMN timestamp_authority VARCHAR(1000);
ALTER TABLE capture ADD COLUMN timestamp_message VARCHAR(1000);
-- page_url and permalink without query and fragment, for GET /api/v1/captures/on-page (tracking queries differ).
ALTER TABLE capture ADD COLUMN page_key VARCHAR(4096);
ALTER TABLE capture ADD COLUMN permalink_key VARCHAR(4096);

CREATE UNIQUE INDEX capture_sequence ON capture (sequence);
CREATE INDEX capture_page_key ON capture (page_key);
CREATE INDEX capture_permalink_key ON capture (permalink_key);
CREATE INDEX capture_timestamp_status ON capture (timestamp_status);
