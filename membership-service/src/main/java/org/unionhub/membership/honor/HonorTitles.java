package org.unionhub.membership.honor;

/** The Chinese titles members see for honors that arrive as competition events. */
public final class HonorTitles {

    private HonorTitles() {
    }

    /** e.g. {@code 全国化工行业职业技能竞赛 个人一等奖}, {@code … 团体二等奖（化工一队）} */
    public static String prize(String competitionName, String category, String prize, String teamName) {
        String who = "TEAM".equals(category) ? "团体" : "个人";
        String level = switch (prize == null ? "" : prize) {
            case "FIRST" -> "一等奖";
            case "SECOND" -> "二等奖";
            case "THIRD" -> "三等奖";
            default -> "奖项";
        };
        String team = "TEAM".equals(category) && teamName != null && !teamName.isBlank() ? "（" + teamName + "）" : "";
        return competitionName + " " + who + level + team;
    }

    public static String nomination(String competitionName, String medal) {
        String name = "NATIONAL_MAY_FIRST_LABOUR_MEDAL".equals(medal) ? "全国五一劳动奖章" : medal;
        return name + "推荐人选（" + competitionName + "）";
    }
}
