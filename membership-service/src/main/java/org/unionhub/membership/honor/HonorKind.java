package org.unionhub.membership.honor;

/** Kinds of honor. Staff record the first four; the competition service's events bring the last two. */
public enum HonorKind {
    /** 全国五一劳动奖章 and provincial labour medals */
    LABOUR_MEDAL,
    /** 劳动模范 */
    MODEL_WORKER,
    /** 工匠 */
    CRAFTSMAN,
    OTHER,
    /** a prize of a skills competition */
    COMPETITION_PRIZE,
    /** put forward for a medal after a competition */
    MEDAL_NOMINATION
}
