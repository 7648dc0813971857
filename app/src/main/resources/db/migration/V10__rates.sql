-- Effective-dated hourly rates: organization default → client → project → task → member override.

-- Tasks a rate can be set on (command side, maintained by the subscribing processor `command-side-registry` in the
-- same transaction as the task events). A task counts only while its project does (see project_registry).
CREATE TABLE rate_task_registry (
    task_id    UUID NOT NULL PRIMARY KEY,
    org_id     UUID NOT NULL,
    project_id UUID NOT NULL
);

-- The rate schedule (projections module, processing group `rates`). One row per point of a schedule: from
-- effective_from on, the level's rate for the target is hourly_rate (NULL: none, the next level's applies).
--   level          member | task | project | client | organization (what ledger_rate answers as `source`)
--   target_id      the member, task, project or client; the organization's own id for its default
--   effective_from '-infinity': since always (a key column cannot be NULL)
--   origin         which aggregate recorded the row: 'rate_card' (POST /rates) or 'project' (a project's
--                  hourlyRate or a task's rateOverride). Each row depends only on its own aggregate's events, so a
--                  replay handling aggregates in any order rebuilds the same rows.
--   recorded_at    when the event was stored; the later of two rows for the same date wins
--   version        the sequence number of the recording aggregate's event
CREATE TABLE rate_view (
    org_id         UUID        NOT NULL,
    level          VARCHAR(16) NOT NULL,
    target_id      UUID        NOT NULL,
    effective_from DATE        NOT NULL,
    origin         VARCHAR(16) NOT NULL,
    hourly_rate    NUMERIC,
    recorded_at    TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL
);
-- The key, and the lookup of the rate in effect on a date: the first row at or before it, per level and target.
CREATE UNIQUE INDEX rate_view_schedule ON rate_view (org_id, level, target_id, effective_from DESC, origin);

-- The hourly rate that applies to work of a member on a task of a project of a client on a date, and where it came
-- from: zero or one row. Levels are tried from the most specific (member) to the organization's default; at each the
-- row in effect on the date counts, and the first level whose row in effect has a rate wins. A NULL target skips its
-- level. Meant to be joined per row (CROSS JOIN LATERAL ledger_rate(...)); as a plain SQL function it is inlined.
CREATE FUNCTION ledger_rate(p_org uuid, p_member uuid, p_client uuid, p_project uuid, p_task uuid, p_date date)
    RETURNS TABLE (hourly_rate numeric, source varchar, effective_from date)
    LANGUAGE sql STABLE
AS $$
    SELECT in_effect.hourly_rate, levels.level::varchar,
           NULLIF(in_effect.effective_from, '-infinity'::date)
    FROM (VALUES (1, 'member', p_member), (2, 'task', p_task), (3, 'project', p_project),
                 (4, 'client', p_client), (5, 'organization', p_org)) AS levels (rank, level, target_id)
    CROSS JOIN LATERAL (
        SELECT r.hourly_rate, r.effective_from
        FROM rate_view r
        WHERE r.org_id = p_org AND r.level = levels.level AND r.target_id = levels.target_id
          AND r.effective_from <= p_date
        ORDER BY r.effective_from DESC, r.recorded_at DESC, r.origin
        LIMIT 1
    ) AS in_effect
    WHERE in_effect.hourly_rate IS NOT NULL
    ORDER BY levels.rank
    LIMIT 1
$$;
