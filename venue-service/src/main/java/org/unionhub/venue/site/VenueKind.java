package org.unionhub.venue.site;

/** 工人文化宫, 职工综合服务中心, 共享职工之家, 模范职工之家, 户外劳动者服务站点, 职工教育培训基地, "一元"志愿服务站 */
public enum VenueKind {
    CULTURAL_PALACE, SERVICE_CENTER, SHARED_HOME, MODEL_HOME, OUTDOOR_STATION, TRAINING_BASE, VOLUNTEER_STATION
}
