-- Venues (服务阵地) and their networks. Coordinates are WGS-84 degrees.
CREATE TABLE venue (
    id                            UUID PRIMARY KEY,
    name                          TEXT             NOT NULL,
    kind                          TEXT             NOT NULL,
    level                         TEXT             NOT NULL,
    parent_venue_id               UUID REFERENCES venue (id),
    path                          TEXT             NOT NULL,
    organization_id               UUID             NOT NULL,
    address                       TEXT             NOT NULL,
    lat                           DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                           DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
    area_sqm                      NUMERIC(12, 2),
    amenities                     VARCHAR[]        NOT NULL DEFAULT '{}',
    opening_hours                 TEXT             NOT NULL,
    operating_model               TEXT             NOT NULL,
    opened_on                     DATE,
    allow_overlapping_activities  BOOLEAN          NOT NULL DEFAULT FALSE,
    status                        TEXT             NOT NULL,
    closed_on                     DATE,
    closed_reason                 TEXT,
    created_by                    TEXT             NOT NULL,
    created_at                    TIMESTAMPTZ      NOT NULL,
    updated_by                    TEXT,
    updated_at                    TIMESTAMPTZ,
    version                       BIGINT           NOT NULL DEFAULT 0
);
CREATE INDEX venue_path ON venue (path text_pattern_ops);
CREATE INDEX venue_parent ON venue (parent_venue_id);
CREATE INDEX venue_org_kind ON venue (organization_id, kind, id);
CREATE INDEX venue_amenities ON venue USING GIN (amenities);
-- the bounding-box fallback for nearby search when cube/earthdistance are missing
CREATE INDEX venue_lat_lon ON venue (lat, lon);

-- Opening hours as [start, end) minutes of the week (Monday 00:00 Asia/Shanghai = 0): "open now" is a range test.
CREATE TABLE venue_open_interval (
    venue_id      UUID NOT NULL REFERENCES venue (id) ON DELETE CASCADE,
    start_minute  INT  NOT NULL,
    end_minute    INT  NOT NULL,
    CHECK (start_minute < end_minute)
);
CREATE INDEX venue_open_interval_venue ON venue_open_interval (venue_id, start_minute, end_minute);

-- Nearby search: a GiST index on the earth point, used by earth_box() @> ll_to_earth(). The extensions ship
-- with PostgreSQL's contrib; where they cannot be created the service falls back to venue_lat_lon.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS cube;
    CREATE EXTENSION IF NOT EXISTS earthdistance;
    EXECUTE 'CREATE INDEX venue_earth ON venue USING GIST (ll_to_earth(lat, lon))';
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'cube/earthdistance unavailable (%): nearby search uses the lat/lon bounding box', SQLERRM;
END
$$;
