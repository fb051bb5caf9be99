-- Condolence visits (送温暖): goods and, sometimes, cash that counts against DAILY_RELIEF.
CREATE TABLE visit (
    id                 UUID PRIMARY KEY,
    member_id          UUID           NOT NULL,
    organization_path  TEXT           NOT NULL,
    visited_on         DATE           NOT NULL,
    goods              TEXT           NOT NULL,
    cash_amount        NUMERIC(14, 2),
    recorded_at        TIMESTAMPTZ    NOT NULL,
    recorded_by        TEXT           NOT NULL
);
CREATE INDEX visit_member ON visit (member_id, visited_on);

-- Mutual aid (互助互济): one enrollment per member and year.
CREATE TABLE mutual_aid_enrollment (
    id                 UUID PRIMARY KEY,
    member_id          UUID           NOT NULL,
    organization_path  TEXT           NOT NULL,
    year               INT            NOT NULL,
    covered_from       DATE           NOT NULL,
    days_covered       INT            NOT NULL,
    premium            NUMERIC(14, 2) NOT NULL,
    enrolled_at        TIMESTAMPTZ    NOT NULL,
    enrolled_by        TEXT           NOT NULL,
    UNIQUE (member_id, year)
);

CREATE TABLE mutual_aid_claim (
    id                 UUID PRIMARY KEY,
    member_id          UUID           NOT NULL,
    year               INT            NOT NULL,
    kind               TEXT           NOT NULL,
    amount             NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    paid_at            TIMESTAMPTZ    NOT NULL,
    paid_by            TEXT           NOT NULL
);
CREATE INDEX mutual_aid_claim_member ON mutual_aid_claim (member_id, year);

-- Critical-illness green channel (重疾绿色通道): covered diseases, top hospitals, referrals.
CREATE TABLE green_channel_disease (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    category  TEXT NOT NULL
);

CREATE TABLE green_channel_hospital (
    id        UUID PRIMARY KEY,
    name      TEXT NOT NULL,
    province  TEXT NOT NULL,
    city      TEXT NOT NULL,
    grade     TEXT NOT NULL
);

CREATE TABLE referral (
    id                 UUID PRIMARY KEY,
    member_id          UUID        NOT NULL,
    organization_id    UUID        NOT NULL,
    organization_path  TEXT        NOT NULL,
    disease_code       TEXT        NOT NULL REFERENCES green_channel_disease (code),
    hospital_id        UUID        NOT NULL REFERENCES green_channel_hospital (id),
    status             TEXT        NOT NULL,
    referred_at        TIMESTAMPTZ NOT NULL,
    referred_by        TEXT        NOT NULL,
    admitted_at        TIMESTAMPTZ,
    admitted_by        TEXT,
    closed_at          TIMESTAMPTZ,
    closed_by          TEXT,
    outcome            TEXT
);
CREATE INDEX referral_member ON referral (member_id);

-- A realistic sample; staff load more through the API.
INSERT INTO green_channel_disease (code, name, category) VALUES
('MALIGNANT_TUMOR', '恶性肿瘤', 'ONCOLOGY'),
('ACUTE_MYOCARDIAL_INFARCTION', '急性心肌梗塞', 'CARDIOVASCULAR'),
('STROKE_SEQUELAE', '脑中风后遗症', 'NEUROLOGY'),
('CORONARY_BYPASS', '冠状动脉搭桥术', 'CARDIOVASCULAR'),
('HEART_VALVE_SURGERY', '心脏瓣膜手术', 'CARDIOVASCULAR'),
('END_STAGE_RENAL_DISEASE', '终末期肾病', 'NEPHROLOGY'),
('MAJOR_ORGAN_TRANSPLANT', '重大器官移植术', 'TRANSPLANT'),
('AORTIC_SURGERY', '主动脉手术', 'CARDIOVASCULAR'),
('APLASTIC_ANEMIA', '再生障碍性贫血', 'HEMATOLOGY'),
('LEUKEMIA', '白血病', 'HEMATOLOGY'),
('SEVERE_BURNS', '严重烧伤', 'TRAUMA'),
('PARKINSONS_DISEASE', '严重帕金森病', 'NEUROLOGY'),
('PNEUMOCONIOSIS', '尘肺病', 'OCCUPATIONAL'),
('BENIGN_BRAIN_TUMOR', '良性脑肿瘤', 'NEUROLOGY');

INSERT INTO green_channel_hospital (id, name, province, city, grade) VALUES
('7c1e0f5a-0001-4000-8000-000000000001', '北京协和医院', '北京', '北京', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000002', '中国医学科学院肿瘤医院', '北京', '北京', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000003', '复旦大学附属中山医院', '上海', '上海', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000004', '四川大学华西医院', '四川', '成都', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000005', '山东省立医院', '山东', '济南', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000006', '山东大学齐鲁医院', '山东', '济南', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000007', '中山大学附属第一医院', '广东', '广州', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000008', '华中科技大学同济医学院附属同济医院', '湖北', '武汉', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000009', '浙江大学医学院附属第一医院', '浙江', '杭州', '三甲'),
('7c1e0f5a-0001-4000-8000-000000000010', '福建医科大学附属第一医院', '福建', '福州', '三甲');

-- Legal aid (法律援助): consultations and cases, lawyers assigned, money recovered.
CREATE TABLE legal_case (
    id                 UUID PRIMARY KEY,
    member_id          UUID,
    organization_path  TEXT,
    kind               TEXT           NOT NULL,
    claimed_amount     NUMERIC(14, 2),
    description        TEXT           NOT NULL,
    status             TEXT           NOT NULL,
    lawyer             TEXT,
    outcome            TEXT,
    recovered_amount   NUMERIC(14, 2),
    opened_at          TIMESTAMPTZ    NOT NULL,
    opened_by          TEXT           NOT NULL,
    assigned_at        TIMESTAMPTZ,
    assigned_by        TEXT,
    closed_at          TIMESTAMPTZ,
    closed_by          TEXT
);
CREATE INDEX legal_case_opened ON legal_case (opened_at);
