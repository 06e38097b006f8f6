-- Portable SQL only (SQLite now, PostgreSQL later): no AUTOINCREMENT, no SQLite functions; times are UTC.

CREATE TABLE account (
  id            VARCHAR(26)  NOT NULL PRIMARY KEY,
  login         VARCHAR(100) NOT NULL UNIQUE,
  display_name  VARCHAR(200) NOT NULL,
  role          VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'supervisor', 'cm')),
  password_hash VARCHAR(500) NOT NULL,
  created_at    TIMESTAMP(3) NOT NULL
);

-- Only a SHA-256 of each secret is stored: a copied database gives no working token or session.
CREATE TABLE api_token (
  token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
  account_id  VARCHAR(26)  NOT NULL REFERENCES account (id),
  label       VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL
);

CREATE TABLE web_session (
  session_hash CHAR(64)    NOT NULL PRIMARY KEY,
  account_id   VARCHAR(26) NOT NULL REFERENCES account (id),
  created_at   TIMESTAMP(3) NOT NULL,
  expires_at   TIMESTAMP(3) NOT NULL
);

CREATE TABLE capture (
  id                VARCHAR(26)   NOT NULL PRIMARY KEY,
  account_id        VARCHAR(26)   NOT NULL REFERENCES account (id),
  idempotency_key   VARCHAR(200)  NOT NULL,
  received_at       TIMESTAMP(3)  NOT NULL,
  risk              VARCHAR(10)   NOT NULL,
  risk_rank         INTEGER       NOT NULL,
  platform          VARCHAR(20)   NOT NULL,
  post_id           VARCHAR(200)  NOT NULL,
  author_name       VARCHAR(500)  NOT NULL,
  author_handle     VARCHAR(200),
  permalink         VARCHAR(4096),
  page_url          VARCHAR(4096) NOT NULL,
  post_text         TEXT          NOT NULL,
  captured_at       TIMESTAMP(3)  NOT NULL,
  metadata_json     TEXT          NOT NULL,
  screenshot_sha256 CHAR(64)      NOT NULL,
  screenshot_bytes  BIGINT        NOT NULL,
  screenshot_width  INTEGER       NOT NULL,
  screenshot_height INTEGER       NOT NULL,
  CONSTRAINT capture_idempotency UNIQUE (account_id, idempotency_key)
);

CREATE INDEX capture_received ON capture (received_at);
