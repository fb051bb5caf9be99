package org.unionhub.membership.demand;

/** What a demand is about; the categories truck drivers, couriers and riders bring to their union. */
public enum DemandCategory {
    /** 拖欠工资、运费 */
    WAGE_ARREARS,
    /** 休息、如厕、饮水等设施 */
    REST_AND_FACILITIES,
    /** 停车、充电 */
    PARKING_AND_CHARGING,
    /** 道路安全 */
    ROAD_SAFETY,
    /** 社会保险 */
    SOCIAL_INSURANCE,
    /** 技能培训 */
    TRAINING,
    OTHER
}
