-- History for benchmarks/history.py: the published week :'week' (a Monday) copied into the weeks :first to :last
-- before it, as the product would have left them. Run once per range, in one transaction (the week's database gets
-- week 1 before it, the year's database, made from it, weeks 2 to 51). Every draw depends on the row and the week
-- only, so a week's history is the same in both databases.
--
-- Each earlier week: the week's open shifts (same communities, sites, posts and projects; their generation keys
-- moved to the earlier days) with their resource requests; per scope a published run and, for two scopes in
-- three, an earlier unpublished version of it (a coordinator's re-run, with one in ten of its assignments
-- different); the published assignments' answers (85% accepted, 5% declined with a reason, 10% never answered);
-- attendance of everyone not declined (95% checked in and out by QR code, 5% marked no-show by the nightly task)
-- and an approved service record per attended shift; and manual record entries (1 in 400 volunteers a week:
-- approved, rejected or, last week's, still pending). Draws are hashes of ids, so a rerun is identical.

\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE hist_week ON COMMIT DROP AS SELECT k FROM generate_series(:first, :last) AS k;

-- a draw in [0, n) from a row's id, the week's offset and a salt
CREATE FUNCTION pg_temp.draw(id bigint, k int, salt text, n int) RETURNS int LANGUAGE sql IMMUTABLE AS
$$ SELECT abs(hashtext(id::text || ':' || k::text || ':' || salt)) % n $$;

-- shifts ------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE shift_map ON COMMIT DROP AS
SELECT s.id AS old_id, w.k, nextval(pg_get_serial_sequence('shifts_shift', 'id')) AS new_id
FROM shifts_shift s CROSS JOIN hist_week w
WHERE s.week = :'week' AND s.status = 'open';
CREATE UNIQUE INDEX ON shift_map (old_id, k);

INSERT INTO shifts_shift (id, created_at, updated_at, lat, lng, title, origin, week, start, "end", seats, priority,
                          required_skills, address, generation_key, community_id, need_id, post_id, project_id,
                          cancel_reason, cancelled_at, cancelled_by_id, status)
SELECT m.new_id, s.created_at - m.k * interval '7 days', s.updated_at - m.k * interval '7 days', s.lat, s.lng,
       s.title, s.origin, s.week - 7 * m.k, s.start - m.k * interval '7 days', s."end" - m.k * interval '7 days',
       s.seats, s.priority, s.required_skills, s.address,
       CASE WHEN s.generation_key ~ '\d{4}-\d{2}-\d{2}$'
            THEN regexp_replace(s.generation_key, '\d{4}-\d{2}-\d{2}$',
                                to_char(substring(s.generation_key FROM '\d{4}-\d{2}-\d{2}$')::date - 7 * m.k,
                                        'YYYY-MM-DD'))
            ELSE s.generation_key || ':' || (s.week - 7 * m.k)::text END,
       s.community_id, s.need_id, s.post_id, s.project_id, '', NULL, NULL, 'open'
FROM shift_map m JOIN shifts_shift s ON s.id = m.old_id;

INSERT INTO shifts_resourcerequest (kind, min_capacity, features, max_distance_km, shift_id)
SELECT r.kind, r.min_capacity, r.features, r.max_distance_km, m.new_id
FROM shifts_resourcerequest r JOIN shift_map m ON m.old_id = r.shift_id;

CREATE TEMP TABLE request_map ON COMMIT DROP AS
SELECT old_r.id AS old_id, m.k, new_r.id AS new_id
FROM shifts_resourcerequest old_r
JOIN shift_map m ON m.old_id = old_r.shift_id
JOIN shifts_resourcerequest new_r ON new_r.shift_id = m.new_id;
CREATE UNIQUE INDEX ON request_map (old_id, k);

-- runs: the published version, and for two scopes in three an earlier one left unpublished ----------------------
CREATE TEMP TABLE run_map ON COMMIT DROP AS
SELECT r.id AS old_id, w.k, v.version, v.version = 1 + (pg_temp.draw(r.id, w.k, 'rerun', 3) > 0)::int AS published,
       nextval(pg_get_serial_sequence('planning_matchingrun', 'id')) AS new_id
FROM planning_matchingrun r
JOIN planning_publication p ON p.run_id = r.id
CROSS JOIN hist_week w
CROSS JOIN LATERAL generate_series(1, 1 + (pg_temp.draw(r.id, w.k, 'rerun', 3) > 0)::int) AS v (version)
WHERE r.week = :'week';
CREATE UNIQUE INDEX ON run_map (old_id, k, version);

INSERT INTO planning_matchingrun (id, created_at, updated_at, level, scope_key, week, version, status, stage, progress,
                                  gap, message, attempts, heartbeat, time_limit, solver, started_at, finished_at, stats,
                                  metrics, community_id, created_by_id, district_id, sub_district_id)
SELECT m.new_id, r.created_at - m.k * interval '7 days' + m.version * interval '1 hour',
       r.updated_at - m.k * interval '7 days' + m.version * interval '1 hour', r.level, r.scope_key, r.week - 7 * m.k,
       m.version, 'done', r.stage, 100, r.gap, r.message, 1, NULL, r.time_limit, r.solver,
       r.started_at - m.k * interval '7 days' + m.version * interval '1 hour',
       r.finished_at - m.k * interval '7 days' + m.version * interval '1 hour', r.stats, r.metrics, r.community_id,
       r.created_by_id, r.district_id, r.sub_district_id
FROM run_map m JOIN planning_matchingrun r ON r.id = m.old_id;

INSERT INTO planning_publication (scope_key, week, published_at, published_by_id, run_id, notified_at)
SELECT p.scope_key, p.week - 7 * m.k, p.published_at - m.k * interval '7 days' + interval '2 hours',
       p.published_by_id, m.new_id, p.published_at - m.k * interval '7 days' + interval '2 hours'
FROM run_map m JOIN planning_publication p ON p.run_id = m.old_id
WHERE m.published;

-- assignments: the published plan as this week's; an earlier version misses one in ten of them --------------------
CREATE TEMP TABLE assignment_map ON COMMIT DROP AS
SELECT a.id AS old_id, m.k, m.published, nextval(pg_get_serial_sequence('planning_assignment', 'id')) AS new_id,
       m.new_id AS run_id, sm.new_id AS shift_id, a.volunteer_id, a.pinned, a.source
FROM planning_assignment a
JOIN run_map m ON m.old_id = a.run_id
JOIN shift_map sm ON sm.old_id = a.shift_id AND sm.k = m.k
WHERE m.published OR pg_temp.draw(a.id, m.k, 'draft', 10) > 0;

INSERT INTO planning_assignment (id, pinned, source, shift_id, volunteer_id, run_id)
SELECT new_id, pinned, source, shift_id, volunteer_id, run_id FROM assignment_map;

INSERT INTO planning_unfilledseat (missing, reasons, suggestion, run_id, shift_id)
SELECT u.missing, u.reasons, u.suggestion, m.new_id, sm.new_id
FROM planning_unfilledseat u
JOIN run_map m ON m.old_id = u.run_id
JOIN shift_map sm ON sm.old_id = u.shift_id AND sm.k = m.k;

INSERT INTO planning_resourcebooking (request_id, resource_id, run_id, pinned, source)
SELECT rm.new_id, b.resource_id, m.new_id, b.pinned, b.source
FROM planning_resourcebooking b
JOIN run_map m ON m.old_id = b.run_id
JOIN request_map rm ON rm.old_id = b.request_id AND rm.k = m.k;

-- answers -----------------------------------------------------------------------------------------------------
CREATE TEMP TABLE answer ON COMMIT DROP AS
SELECT am.*, pg_temp.draw(am.old_id, am.k, 'answer', 100) AS u, s.start, s."end", s.community_id, s.title,
       s.address, s.post_id
FROM assignment_map am JOIN shifts_shift s ON s.id = am.shift_id
WHERE am.published;

INSERT INTO volunteering_assignmentresponse (status, reason, answered_at, assignment_id)
SELECT CASE WHEN u < 85 THEN 'accepted' ELSE 'declined' END,
       CASE WHEN u < 85 THEN '' ELSE '时间冲突' END,
       a.start - interval '3 days' + (u % 48) * interval '1 hour', a.new_id
FROM answer a WHERE u < 90;

-- attendance of everyone who did not decline, and the records of those who came --------------------------------
CREATE TEMP TABLE came ON COMMIT DROP AS
SELECT a.*, nextval(pg_get_serial_sequence('attendance_attendance', 'id')) AS attendance_id,
       pg_temp.draw(a.old_id, a.k, 'came', 100) >= 5 AS present,
       a.start + pg_temp.draw(a.old_id, a.k, 'in', 10) * interval '1 minute' AS checked_in_at,
       a."end" - pg_temp.draw(a.old_id, a.k, 'out', 7) * interval '1 minute' AS checked_out_at
FROM answer a WHERE a.u < 85 OR a.u >= 90;

INSERT INTO attendance_attendance (id, created_at, updated_at, status, method, checked_in_at, checked_out_at,
                                   minutes_served, assignment_id, recorded_by_id, shift_id, volunteer_id, note)
SELECT attendance_id, start, "end", CASE WHEN present THEN 'present' ELSE 'no_show' END,
       CASE WHEN present THEN 'qr' ELSE 'auto' END,
       CASE WHEN present THEN checked_in_at END, CASE WHEN present THEN checked_out_at END,
       CASE WHEN present THEN floor(extract(epoch FROM checked_out_at - checked_in_at) / 60)::int ELSE 0 END,
       new_id, NULL, shift_id, volunteer_id, ''
FROM came;

INSERT INTO records_servicerecord (created_at, updated_at, title, date, place, recipient, content, minutes, rating,
                                   person_in_charge, source, status, evidence, review_note, reviewed_at,
                                   attendance_id, community_id, post_id, recorder_id, reviewed_by_id, shift_id,
                                   volunteer_id)
SELECT c.checked_out_at, c.checked_out_at, coalesce(p.name, c.title), (c.start AT TIME ZONE :'zone')::date,
       CASE WHEN c.address <> '' THEN c.address ELSE g.name END, '', coalesce(nullif(p.duties, ''), c.title),
       floor(extract(epoch FROM c.checked_out_at - c.checked_in_at) / 60)::int, NULL, '', 'attendance', 'approved',
       '', '', NULL, c.attendance_id, c.community_id, c.post_id, NULL, NULL, c.shift_id, c.volunteer_id
FROM came c
JOIN geo_community g ON g.id = c.community_id
LEFT JOIN posts_post p ON p.id = c.post_id
WHERE c.present;

-- manual entries: a few a week, reviewed (approved or rejected), last week's still pending ------------------------
INSERT INTO records_servicerecord (created_at, updated_at, title, date, place, recipient, content, minutes, rating,
                                   person_in_charge, source, status, evidence, review_note, reviewed_at,
                                   attendance_id, community_id, post_id, recorder_id, reviewed_by_id, shift_id,
                                   volunteer_id)
SELECT day + interval '20 hours', day + interval '20 hours', '入户走访', day::date, g.name, '', '走访独居老人', 90, NULL,
       '', 'manual',
       CASE WHEN w.k <= 1 THEN 'pending' WHEN pg_temp.draw(v.id, w.k, 'review', 10) = 0 THEN 'rejected'
            ELSE 'approved' END,
       '照片两张', '', CASE WHEN w.k > 1 THEN day + interval '2 days' END, NULL, v.home_community_id, NULL, v.user_id,
       NULL, NULL, v.id
FROM people_volunteer v
CROSS JOIN hist_week w
CROSS JOIN LATERAL (SELECT (:'week'::date - 7 * w.k + pg_temp.draw(v.id, w.k, 'day', 7))::timestamp
                    AT TIME ZONE :'zone' AS day) d
JOIN geo_community g ON g.id = v.home_community_id
WHERE pg_temp.draw(v.id, w.k, 'manual', 400) = 0;

COMMIT;
