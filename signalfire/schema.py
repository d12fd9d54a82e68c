"""The store's tables, as numbered migrations applied in order."""

from __future__ import annotations

# Each migration moves the store from version i to i+1. Append; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    # 1: the canonical event store.
    """
    CREATE SEQUENCE source_id_seq START 1;
    CREATE TABLE sources (
        source_id INTEGER PRIMARY KEY DEFAULT nextval('source_id_seq'),
        path VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        size_bytes BIGINT NOT NULL,
        format VARCHAR NOT NULL,
        source_version VARCHAR,
        rows_read BIGINT NOT NULL,
        rows_stored BIGINT NOT NULL,
        rows_new BIGINT NOT NULL,
        rows_updated BIGINT NOT NULL,
        rows_quarantined BIGINT NOT NULL,
        rows_unlocated BIGINT NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL
    );
    -- event_id is unique by construction (ingest merges by id); no index: keeping one
    -- during a bulk load costs more than the whole rest of the load.
    CREATE TABLE events (
        event_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        source_event_id VARCHAR NOT NULL,
        source_id INTEGER NOT NULL,
        source_row BIGINT NOT NULL,
        date_start DATE NOT NULL,
        date_end DATE NOT NULL,
        date_precision SMALLINT,
        country_iso3 VARCHAR,
        adm1_id VARCHAR,
        adm2_id VARCHAR,
        location_method VARCHAR NOT NULL,
        snap_km DOUBLE,
        lat DOUBLE,
        lon DOUBLE,
        location_precision SMALLINT,
        location_name VARCHAR,
        violence_type VARCHAR NOT NULL,
        event_type VARCHAR,
        actor1 VARCHAR,
        actor2 VARCHAR,
        deaths_best INTEGER,
        deaths_low INTEGER,
        deaths_high INTEGER,
        deaths_civilians INTEGER,
        headline VARCHAR,
        notes VARCHAR,
        quality_flags VARCHAR[] NOT NULL,
        row_hash VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL
    );
    CREATE TABLE quarantine (
        source_id INTEGER NOT NULL,
        row_number BIGINT NOT NULL,
        raw_row VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        PRIMARY KEY (source_id, row_number)
    );
    CREATE TABLE regions (
        region_id VARCHAR PRIMARY KEY,
        level VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        parent_id VARCHAR,
        iso3 VARCHAR NOT NULL,
        geometry GEOMETRY NOT NULL,
        origin VARCHAR NOT NULL
    );
    CREATE TABLE country_months (
        iso3 VARCHAR NOT NULL,
        month VARCHAR NOT NULL,
        fatalities DOUBLE,
        population DOUBLE,
        source_id INTEGER NOT NULL,
        PRIMARY KEY (iso3, month)
    );
    """,
    # 2: forecast runs (summary and draws per region-period) and backtest results.
    """
    CREATE SEQUENCE forecast_run_seq START 1;
    CREATE TABLE forecast_runs (
        run_id INTEGER PRIMARY KEY DEFAULT nextval('forecast_run_seq'),
        model VARCHAR NOT NULL,
        params VARCHAR NOT NULL,
        level VARCHAR NOT NULL,
        target VARCHAR NOT NULL,
        freq VARCHAR NOT NULL,
        countries VARCHAR NOT NULL,
        as_of VARCHAR NOT NULL,
        horizon INTEGER NOT NULL,
        draws INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        data_version VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
    );
    CREATE TABLE forecast_values (
        run_id INTEGER NOT NULL,
        region_id VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        mean DOUBLE NOT NULL,
        p_any DOUBLE NOT NULL,
        q05 DOUBLE NOT NULL,
        q25 DOUBLE NOT NULL,
        q50 DOUBLE NOT NULL,
        q75 DOUBLE NOT NULL,
        q95 DOUBLE NOT NULL,
        draws FLOAT[] NOT NULL,
        PRIMARY KEY (run_id, region_id, period)
    );
    CREATE SEQUENCE backtest_run_seq START 1;
    CREATE TABLE backtest_runs (
        run_id INTEGER PRIMARY KEY DEFAULT nextval('backtest_run_seq'),
        level VARCHAR NOT NULL,
        target VARCHAR NOT NULL,
        freq VARCHAR NOT NULL,
        start_origin VARCHAR NOT NULL,
        end_origin VARCHAR NOT NULL,
        horizon INTEGER NOT NULL,
        best_model VARCHAR NOT NULL,
        metrics VARCHAR NOT NULL,
        data_version VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
    );
    """,
    # API tokens for the web API's write endpoints: only a SHA-256 of each token is kept.
    """
    CREATE SEQUENCE api_token_seq START 1;
    CREATE TABLE api_tokens (
        token_id INTEGER PRIMARY KEY DEFAULT nextval('api_token_seq'),
        name VARCHAR NOT NULL,
        token_sha256 VARCHAR NOT NULL UNIQUE,
        created_at TIMESTAMP NOT NULL,
        last_used_at TIMESTAMP,
        revoked_at TIMESTAMP
    );
    """,
    # Early-warning alerts (one row per alert, updated while it is ongoing) and the analysts'
    # feedback on them (kept, never overwritten).
    """
    CREATE TABLE alerts (
        alert_id VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        level VARCHAR NOT NULL,
        region_id VARCHAR NOT NULL,
        actor_id VARCHAR,
        period_start VARCHAR NOT NULL,
        period_end VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        severity VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        evidence VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL
    );
    CREATE TABLE alert_feedback (
        alert_id VARCHAR NOT NULL,
        action VARCHAR NOT NULL,
        user_name VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        acted_at TIMESTAMP NOT NULL
    );
    """,
    # The actor graph: typed, dated relations (one row per distinct claim) and their evidence
    # (dataset rows, text spans, curated references). A new source adds a row to
    # relation_sources; it never overwrites the relation or an earlier source.
    """
    CREATE SEQUENCE relation_id_seq START 1;
    CREATE TABLE relations (
        relation_id INTEGER PRIMARY KEY DEFAULT nextval('relation_id_seq'),
        relation_key VARCHAR NOT NULL UNIQUE,
        subject_id VARCHAR NOT NULL,
        subject_name VARCHAR NOT NULL,
        relation VARCHAR NOT NULL,
        object_kind VARCHAR NOT NULL,
        object_id VARCHAR NOT NULL,
        object_name VARCHAR NOT NULL,
        third_id VARCHAR,
        third_name VARCHAR,
        start_date VARCHAR,
        end_date VARCHAR,
        negated BOOLEAN NOT NULL,
        events INTEGER,
        deaths INTEGER,
        created_at TIMESTAMP NOT NULL
    );
    CREATE TABLE relation_sources (
        relation_id INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        reference VARCHAR NOT NULL,
        event_ids VARCHAR[] NOT NULL,
        span_start INTEGER,
        span_end INTEGER,
        evidence VARCHAR,
        confidence DOUBLE NOT NULL,
        added_at TIMESTAMP NOT NULL
    );
    """,
    # Text-derived events (events.source = 'text'): every article that reported each event,
    # the character spans each field came from, and the dataset event it matched, if any.
    """
    CREATE TABLE text_event_sources (
        event_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        url VARCHAR,
        title VARCHAR,
        published DATE,
        matched_event_id VARCHAR,
        source_id INTEGER NOT NULL
    );
    CREATE TABLE text_evidence (
        event_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        field VARCHAR NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text VARCHAR NOT NULL
    );
    """,
    # v7: alert rules edited through the API (a rules TOML file works without the store).
    """
    CREATE TABLE alert_rules (
        name VARCHAR PRIMARY KEY,
        rule JSON NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        updated_by VARCHAR NOT NULL
    );
    """,
    # Webhook deliveries of alerts, kept: one row per alert, URL and delivery run that tried
    # it. `alert_updated_at` is the alerts.updated_at sent; an alert goes to a URL again only
    # when it has changed since its last successful delivery there (or on --resend).
    """
    CREATE TABLE alert_deliveries (
        alert_id VARCHAR NOT NULL,
        url VARCHAR NOT NULL,
        alert_updated_at TIMESTAMP NOT NULL,
        status VARCHAR NOT NULL,
        http_status INTEGER,
        attempts INTEGER NOT NULL,
        error VARCHAR,
        delivered_at TIMESTAMP NOT NULL
    );
    """,
    # Each article's own reading of a text event (one row per event found in one article):
    # `ingest text` merges these into the stored event, so a follow-up article read in a later
    # run can join it and the event is recomputed from all its reports; re-reading an article
    # replaces its reports. The full sentence text is kept (not a MinHash signature): it is
    # shorter than a 64-permutation signature (512 bytes), an analyst can read what was merged,
    # and a change of the similarity rule (shingles, permutations, seed) cannot make stored
    # signatures silently incomparable. Text events stored before this table existed become
    # one report each (their 300-character headline as text).
    """
    CREATE TABLE text_reports (
        report_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        source_id INTEGER NOT NULL,
        event_date DATE,
        adm1_id VARCHAR,
        text VARCHAR NOT NULL,
        report VARCHAR NOT NULL
    );
    INSERT INTO text_reports
    SELECT event_id, event_id, source_event_id, source_id, date_start, adm1_id,
        coalesce(headline, ''),
        json_object('doc_id', source_event_id, 'event_type', event_type, 'country', country_iso3,
            'adm1', adm1_id, 'adm2', adm2_id, 'place', location_name, 'lat', lat, 'lon', lon,
            'location_precision', location_precision, 'date', strftime(date_start, '%Y-%m-%d'),
            'date_precision', date_precision, 'deaths', deaths_best, 'deaths_high', deaths_high,
            'confidence', coalesce(TRY_CAST(json_extract(notes, '$.confidence') AS DOUBLE), 0),
            'actors', json_extract(notes, '$.actors'),
            'sources', json_extract(notes, '$.sources'))::VARCHAR
    FROM events WHERE source = 'text';
    """,
    # v10: what counts. A text event that reports what a dataset already holds (a dataset event
    # in the same province, and district when both know one, within a day) would be counted
    # twice by panels, surges and reports; `counted_events` leaves such text events out,
    # whichever was ingested first. `events` keeps every row.
    """
    CREATE VIEW counted_events AS
    SELECT * FROM events WHERE source <> 'text'
    UNION ALL  -- (one WHERE with OR planned the join for every row: 170 ms against 6 ms)
    SELECT * FROM events e
    WHERE e.source = 'text' AND (e.adm1_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM events d
        WHERE d.source <> 'text' AND d.adm1_id = e.adm1_id
          AND (d.adm2_id = e.adm2_id OR d.adm2_id IS NULL OR e.adm2_id IS NULL)
          AND d.date_start <= e.date_end + INTERVAL 1 DAY
          AND d.date_end >= e.date_start - INTERVAL 1 DAY
    ));
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)

# Columns of `events` that an adapter supplies (the rest the ingest fills in).
EVENT_SOURCE_COLUMNS: tuple[str, ...] = (
    "event_id",
    "source",
    "source_event_id",
    "source_row",
    "date_start",
    "date_end",
    "date_precision",
    "country_iso3",
    "lat",
    "lon",
    "location_precision",
    "location_name",
    "violence_type",
    "event_type",
    "actor1",
    "actor2",
    "deaths_best",
    "deaths_low",
    "deaths_high",
    "deaths_civilians",
    "headline",
    "notes",
)
