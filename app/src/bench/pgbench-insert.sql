-- The PostgreSQL ceiling LogTime is compared with: one committed one-row insert per transaction, about the size
-- of a stored TimeLogged event.
INSERT INTO bench_insert (org_id, payload) VALUES ('7f1c2f9e-1f7a-4c7e-9f55-6f3b1a2c9d10', repeat('x', 600));
