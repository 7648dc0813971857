-- Axon's JDBC storage engine, token store, saga store and dead-letter queue, owned by Flyway.
-- Names are unquoted on purpose: Axon's SQL is unquoted, so PostgreSQL folds both to lower case.

CREATE TABLE domainevententry (
    globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    UNIQUE (aggregateidentifier, sequencenumber)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

CREATE TABLE sagaentry (
    sagaid         VARCHAR(255) NOT NULL PRIMARY KEY,
    revision       VARCHAR(255),
    sagatype       VARCHAR(255),
    serializedsaga BYTEA
);

CREATE TABLE associationvalueentry (
    id               BIGSERIAL    NOT NULL PRIMARY KEY,
    associationkey   VARCHAR(255),
    associationvalue VARCHAR(255),
    sagaid           VARCHAR(255),
    sagatype         VARCHAR(255)
);
-- Axon looks sagas up by association on every event and removes them by saga id; it creates neither index.
CREATE INDEX associationvalueentry_lookup ON associationvalueentry (sagatype, associationkey, associationvalue);
CREATE INDEX associationvalueentry_saga ON associationvalueentry (sagaid, sagatype);

CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255)  NOT NULL PRIMARY KEY,
    processinggroup      VARCHAR(255)  NOT NULL,
    sequenceidentifier   VARCHAR(255)  NOT NULL,
    sequenceindex        BIGINT        NOT NULL,
    messagetype          VARCHAR(255)  NOT NULL,
    eventidentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadtype          VARCHAR(255)  NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255)  NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_sequence UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
CREATE INDEX deadletterentry_group ON deadletterentry (processinggroup);
CREATE INDEX deadletterentry_sequence_lookup ON deadletterentry (processinggroup, sequenceidentifier);
