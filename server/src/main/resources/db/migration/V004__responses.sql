-- Responses (issue: Responses): templates with every version kept, reporting help, client settings, and the
-- interventions a CM made with a suggestion. Portable SQL, times in UTC.

CREATE TABLE response_template (
  id              VARCHAR(26) NOT NULL PRIMARY KEY,
  label           VARCHAR(20) NOT NULL,
  lang            VARCHAR(5)  NOT NULL CHECK (lang IN ('fr', 'en')),
  kind            VARCHAR(20) NOT NULL CHECK (kind IN ('public_reply', 'private_message', 'acknowledgement')),
  current_version INTEGER     NOT NULL,
  archived        BOOLEAN     NOT NULL,
  created_at      TIMESTAMP(3) NOT NULL
);

CREATE INDEX response_template_pick ON response_template (label, lang, kind);

-- An edit never overwrites: it adds a version (who, when, the whole text).
CREATE TABLE response_template_version (
  template_id  VARCHAR(26)  NOT NULL REFERENCES response_template (id),
  version      INTEGER      NOT NULL,
  body         TEXT         NOT NULL,
  author_login VARCHAR(100) NOT NULL,
  created_at   TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (template_id, version)
);

-- Per label and platform family: the rule to cite and where to report (seed 004, step 2), editable.
CREATE TABLE reporting_help (
  label        VARCHAR(20)   NOT NULL,
  family       VARCHAR(20)   NOT NULL,
  rule_fr      VARCHAR(2000) NOT NULL,
  rule_en      VARCHAR(2000) NOT NULL,
  where_fr     VARCHAR(1000) NOT NULL,
  where_en     VARCHAR(1000) NOT NULL,
  updated_by   VARCHAR(100)  NOT NULL,
  updated_at   TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (label, family)
);

-- The client's settings the responses need: brand name, country (helplines).
CREATE TABLE client_setting (
  name       VARCHAR(50)  NOT NULL PRIMARY KEY,
  setting    VARCHAR(500) NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL
);

-- What a CM did with a suggestion; the capture when there was one (the police may ask months later).
CREATE TABLE intervention (
  id               VARCHAR(26)  NOT NULL PRIMARY KEY,
  capture_id       VARCHAR(26)  REFERENCES capture (id),
  account_id       VARCHAR(26)  NOT NULL REFERENCES account (id),
  at               TIMESTAMP(3) NOT NULL,
  action           VARCHAR(20)  NOT NULL CHECK (action IN ('copied', 'opened', 'edited')),
  platform         VARCHAR(20)  NOT NULL,
  post_id          VARCHAR(200) NOT NULL,
  template_id      VARCHAR(26)  REFERENCES response_template (id),
  template_version INTEGER,
  final_text       TEXT         NOT NULL
);

CREATE INDEX intervention_capture ON intervention (capture_id, at);
CREATE INDEX intervention_post ON intervention (platform, post_id, at);
