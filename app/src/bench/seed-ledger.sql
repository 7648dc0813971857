-- The ledger benchmark's history (run.sh, step 3): :entries TimeLogged events stored exactly as the application stores
-- them (Axon's JDBC event store, Jackson payloads), so that a replay of `time-entries` has a realistic log to rebuild.
--   * member :member works 2025 on the benchmark's project and task: eight one-hour entries every weekday, every
--     week of the year submitted by them and approved by :owner (what an invoice draft takes);
--   * the rest of the firm, 500 other members on 200 other clients' projects, fills the log up to :entries entries
--     spread over 2020 to 2025, never submitted.
-- Variables: org, member, project, task, client, owner (UUIDs) and entries (a count).

BEGIN;

CREATE TEMP TABLE seed_entry ON COMMIT DROP AS
SELECT gen_random_uuid() AS entry_id, :'member'::uuid AS member_id, :'project'::uuid AS project_id,
       :'task'::uuid AS task_id, :'client'::uuid AS client_id, day::date AS work_date, 60 AS minutes
FROM generate_series(DATE '2025-01-01', DATE '2025-12-31', INTERVAL '1 day') AS day,
     generate_series(1, 8) AS slot
WHERE extract(isodow FROM day) < 6;

INSERT INTO seed_entry
SELECT gen_random_uuid(), md5('member:' || n % 500)::uuid, md5('project:' || n % 200)::uuid, NULL,
       md5('client:' || n % 200)::uuid, DATE '2020-01-01' + (n % 2192)::int, 30
FROM generate_series(1, greatest(:entries - (SELECT count(*) FROM seed_entry), 0)) AS n;

-- The instant every seeded event is stored at, as Axon writes it.
CREATE TEMP TABLE seed_clock ON COMMIT DROP AS
SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS stamp;

INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                              payloadrevision, payloadtype, timestamp)
SELECT e.entry_id::text, 0, 'TimeEntry', gen_random_uuid()::text,
       convert_to(json_build_object('actor', e.member_id::text)::text, 'UTF8'),
       convert_to(json_build_object(
               'orgId', :'org', 'entryId', e.entry_id, 'memberId', e.member_id, 'projectId', e.project_id,
               'taskId', e.task_id, 'clientId', e.client_id, 'workDate', e.work_date, 'startTime', NULL,
               'endTime', NULL, 'minutes', e.minutes, 'description', 'Seeded work', 'billable', TRUE,
               'jiraIssueKey', NULL, 'source', json_build_object('type', 'MANUAL', 'externalId', NULL))::text,
               'UTF8'),
       NULL, 'io.ledgerline.domain.time.TimeLogged', c.stamp
FROM seed_entry e CROSS JOIN seed_clock c
ORDER BY e.work_date, e.entry_id;

-- The member's weeks of 2025, submitted and approved. A timesheet's id is Java's UUID.nameUUIDFromBytes of
-- "timesheet:<org>:<member>:<Monday>": the MD5 with the version (3) and variant bits set.
CREATE TEMP TABLE seed_week ON COMMIT DROP AS
SELECT monday::date AS week_start, md5('timesheet:' || :'org' || ':' || :'member' || ':' || monday::date) AS hash
FROM generate_series(DATE '2024-12-30', DATE '2025-12-29', INTERVAL '7 days') AS monday;

INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                              payloadrevision, payloadtype, timestamp)
SELECT w.sheet_id, e.sequence, 'Timesheet', gen_random_uuid()::text,
       convert_to(json_build_object('actor', e.actor)::text, 'UTF8'),
       convert_to(CASE e.sequence
                      WHEN 0 THEN json_build_object('orgId', :'org', 'timesheetId', w.sheet_id, 'memberId', :'member',
                                                    'weekStart', w.week_start, 'submittedBy', :'member')
                      ELSE json_build_object('orgId', :'org', 'timesheetId', w.sheet_id, 'memberId', :'member',
                                             'weekStart', w.week_start, 'approvedBy', :'owner')
                  END::text, 'UTF8'),
       NULL, e.payload_type, c.stamp
FROM (SELECT week_start,
             (substr(hash, 1, 8) || '-' || substr(hash, 9, 4) || '-3' || substr(hash, 14, 3) || '-'
                 || to_hex((('x' || substr(hash, 17, 2))::bit(8)::int & 63) | 128) || substr(hash, 19, 2) || '-'
                 || substr(hash, 21, 12)) AS sheet_id
      FROM seed_week) AS w
CROSS JOIN (VALUES (0, 'io.ledgerline.domain.time.TimesheetSubmitted', :'member'),
                   (1, 'io.ledgerline.domain.time.TimesheetApproved', :'owner')) AS e (sequence, payload_type, actor)
CROSS JOIN seed_clock c
ORDER BY w.week_start, e.sequence;

COMMIT;
