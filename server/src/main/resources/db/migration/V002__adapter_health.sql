-- Reports from the extension when an adapter recognizes a page but cannot read it (a platform redesign).
CREATE TABLE adapter_health (
  id                VARCHAR(26)   NOT NULL PRIMARY KEY,
  account_id        VARCHAR(26)   NOT NULL REFERENCES account (id),
  received_at       TIMESTAMP(3)  NOT NULL,
  adapter           VARCHAR(40)   NOT NULL,
  platform          VARCHAR(20)   NOT NULL,
  problem           VARCHAR(20)   NOT NULL,
  detail            VARCHAR(500),
  page_url          VARCHAR(2048) NOT NULL,
  posts_found       INTEGER       NOT NULL,
  affected          INTEGER,
  extension_version VARCHAR(50)   NOT NULL
);

CREATE INDEX adapter_health_received ON adapter_health (received_at);
