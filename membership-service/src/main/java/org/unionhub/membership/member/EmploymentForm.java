package org.unionhub.membership.member;

/** 就业形态: employees and the new-employment-form workers (新就业形态劳动者). */
public enum EmploymentForm {
    EMPLOYEE, COURIER, FOOD_DELIVERY, RIDE_HAILING, TRUCK_DRIVER, DOMESTIC_SERVICE, OTHER_FLEXIBLE
}
