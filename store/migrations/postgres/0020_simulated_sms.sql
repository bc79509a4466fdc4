-- Issue 23: the simulated SMS gateway's messages, what a real gateway would have been given,
-- for the demo and the tests to read. A deployment with a real gateway never writes here.
-- Keep in step with ../sqlite/0020.
CREATE TABLE simulated_sms (
    id        BIGSERIAL PRIMARY KEY,
    recipient TEXT NOT NULL,
    text      TEXT NOT NULL,
    sent_at   BIGINT NOT NULL
);
