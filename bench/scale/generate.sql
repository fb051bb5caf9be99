-- Loads members into membership-service's database, deterministically from a seed, with the shape of a
-- provincial federation: 1 province, 14 cities, 8 counties per city, one grassroots or joint union per
-- ~100 members. Rows go straight in with INSERT ... SELECT (the counters' statement triggers see each
-- chunk as one statement). Personal fields hold placeholders (nothing here is a real person):
-- the calls measured never decrypt them.
--   psql -v n=1000000 -v seed=20 -v from=0 -v chunk=500000 -f generate.sql
-- `from` lets a second run add members to an existing load (1M, then 9M more for 10M).
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET bench.chunk = :chunk;

CREATE TEMP TABLE bench_param AS SELECT :n::bigint AS n, :'seed'::text AS seed, :from::bigint AS first;

-- organizations (created once per seed; grassroots sized for the final n given)
INSERT INTO organization (id, name, type, parent_id, region_code, credit_code, path, created_at, created_by, updated_at, version)
SELECT md5(p.seed || ':province')::uuid, '辽宁省总工会（基准）', 'FEDERATION_PROVINCIAL', NULL, '210000', NULL,
       '/' || md5(p.seed || ':province')::uuid || '/', now(), 'bench', now(), 0
FROM bench_param p ON CONFLICT (id) DO NOTHING;

INSERT INTO organization (id, name, type, parent_id, region_code, credit_code, path, created_at, created_by, updated_at, version)
SELECT md5(p.seed || ':city:' || c)::uuid, (ARRAY['沈阳','大连','鞍山','抚顺','本溪','丹东','锦州','营口','阜新','辽阳','盘锦','铁岭','朝阳','葫芦岛'])[c] || '市总工会',
       'FEDERATION_CITY', md5(p.seed || ':province')::uuid, '21' || lpad(c::text, 2, '0') || '00', NULL,
       '/' || md5(p.seed || ':province')::uuid || '/' || md5(p.seed || ':city:' || c)::uuid || '/', now(), 'bench', now(), 0
FROM bench_param p, generate_series(1, 14) c ON CONFLICT (id) DO NOTHING;

INSERT INTO organization (id, name, type, parent_id, region_code, credit_code, path, created_at, created_by, updated_at, version)
SELECT md5(p.seed || ':county:' || k)::uuid, '第' || k || '县区总工会', 'FEDERATION_COUNTY', city.id, city.region_code, NULL,
       city.path || md5(p.seed || ':county:' || k)::uuid || '/', now(), 'bench', now(), 0
FROM bench_param p, generate_series(1, 112) k
JOIN organization city ON city.id = md5((SELECT seed FROM bench_param) || ':city:' || (1 + (k - 1) / 8))::uuid
ON CONFLICT (id) DO NOTHING;

CREATE TEMP TABLE bench_grassroots AS
SELECT g, md5(p.seed || ':unit:' || g)::uuid AS id, county.id AS county_id, county.region_code,
       county.path || md5(p.seed || ':unit:' || g)::uuid || '/' AS path
FROM bench_param p, generate_series(0, greatest(p.n / 100, 1) - 1) g
JOIN organization county ON county.id = md5((SELECT seed FROM bench_param) || ':county:' || (1 + g % 112))::uuid;

INSERT INTO organization (id, name, type, parent_id, region_code, credit_code, path, created_at, created_by, updated_at, version)
SELECT id, CASE WHEN g % 5 = 0 THEN '货车司机行业联合工会' || g ELSE '企业工会' || g END,
       CASE WHEN g % 5 = 0 THEN 'INDUSTRY_JOINT' ELSE 'GRASSROOTS' END, county_id, region_code, NULL, path,
       now(), 'bench', now(), 0
FROM bench_grassroots ON CONFLICT (id) DO NOTHING;
-- a joint union may hold children in the model, but here every member sits in a leaf
CREATE UNIQUE INDEX ON bench_grassroots (g);
ANALYZE bench_grassroots;

-- members, in chunks (one statement each)
CREATE TEMP TABLE bench_names AS SELECT
  ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗',
        '郑','梁','谢','宋','唐','许','韩','冯','邓','曹','彭','曾','肖','田','董','袁','潘','于','蒋','蔡',
        '余','杜','叶','程','苏','魏','吕','丁','任','沈','姚','卢','姜','崔','钟','谭','陆','汪','范','金',
        '石','廖','贾','夏','韦','付','方','白','邹','孟','熊','秦','邱','江','尹','薛','闫','段','雷','侯',
        '龙','史','陶','黎','贺','顾','毛','郝','龚','邵','万','钱','严','覃','武','戴','莫','孔','向','汤'] AS surnames,
  ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平',
        '刚','桂','英','华','建','国','文','辉','红','玉','兰','峰','鹏','飞','斌','宇','浩','凯','健','俊',
        '帆','帅','旭','宁','龙','林','欣','晨','阳','海','波','亮','东','志','春','雪','丹','梅','琳','晶',
        '婷','慧','颖','倩','雯','鑫','博','磊','昊','天','瑞','思','佳','子','嘉','一','诗','雨','梓','涵',
        '成','宏','永','德','金','福','生','庆','兵','新','玲','凤','彬','立','晓','云','洁','萍','彤','莉'] AS given,
  ARRAY['EMPLOYEE','EMPLOYEE','EMPLOYEE','EMPLOYEE','EMPLOYEE','COURIER','FOOD_DELIVERY','RIDE_HAILING',
        'TRUCK_DRIVER','DOMESTIC_SERVICE','OTHER_FLEXIBLE','EMPLOYEE'] AS forms;

DO $$
DECLARE
  p bench_param%ROWTYPE;
  units bigint;
  lo bigint;
  step bigint := current_setting('bench.chunk')::bigint;
BEGIN
  SELECT * INTO p FROM bench_param;
  SELECT count(*) INTO units FROM bench_grassroots;
  lo := p.first;
  WHILE lo < p.n LOOP
    INSERT INTO member (id, name, id_hash, id_cipher, id_masked, birth_date, gender, phone_cipher, phone_masked,
                        employment_form, employer, organization_id, organization_path, join_channel, status,
                        joined_at, status_changed_at, created_by, version)
    SELECT md5(p.seed || ':m:' || i)::uuid,
           nm.surnames[1 + (h1 % 100)] || nm.given[1 + (h2 % 100)] || CASE WHEN h3 % 3 = 0 THEN '' ELSE nm.given[1 + (h3 % 100)] END,
           md5(p.seed || ':id:' || i), 'bench-placeholder', '210***********' || lpad((i % 10000)::text, 4, '0'),
           date '1966-01-01' + (h1 % 14000)::int, CASE WHEN h2 % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END,
           'bench-placeholder', '138****' || lpad((i % 10000)::text, 4, '0'),
           nm.forms[1 + (h3 % 12)], NULL, u.id, u.path, CASE WHEN h1 % 4 = 0 THEN 'ONLINE' ELSE 'ON_SITE' END,
           CASE WHEN h2 % 100 < 95 THEN 'ACTIVE' WHEN h2 % 100 < 98 THEN 'LEFT' ELSE 'SUSPENDED' END,
           timestamptz '2015-01-01' + make_interval(secs => h3 % 300000000),
           timestamptz '2015-01-01' + make_interval(secs => h3 % 300000000), 'bench', 0
    FROM generate_series(lo, least(lo + step, p.n) - 1) AS i
    CROSS JOIN LATERAL (SELECT abs(hashtextextended(p.seed || ':' || i, 1)) AS h1, abs(hashtextextended(p.seed || ':' || i, 2)) AS h2,
                               abs(hashtextextended(p.seed || ':' || i, 3)) AS h3) h
    CROSS JOIN bench_names nm
    JOIN bench_grassroots u ON u.g = h.h1 % units;
    -- half the active members hold a valid card
    INSERT INTO card (number, member_id, status, issued_at, issued_by)
    SELECT 'B' || lpad(i::text, 11, '0'), md5(p.seed || ':m:' || i)::uuid, 'VALID', now(), 'bench'
    FROM generate_series(lo, least(lo + step, p.n) - 1) AS i
    WHERE abs(hashtextextended(p.seed || ':' || i, 2)) % 100 < 95 AND i % 2 = 0;
    RAISE NOTICE 'members % .. %', lo, least(lo + step, p.n);
    COMMIT;
    lo := lo + step;
  END LOOP;
END $$;
ANALYZE member;
ANALYZE card;
