package org.unionhub.assistance.greenchannel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The request and response bodies of the green channel, and its event. */
public final class GreenChannelApi {

    private GreenChannelApi() {
    }

    public record Disease(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}", message = "must be UPPER_SNAKE") @Schema(example = "LEUKEMIA") String code,
                          @NotBlank @Size(max = 200) @Schema(example = "白血病") String name,
                          @NotBlank @Size(max = 60) @Schema(example = "HEMATOLOGY") String category) {
        static Disease of(CoveredDisease d) {
            return new Disease(d.code, d.name, d.category);
        }
    }

    public record Hospital(UUID id, @NotBlank @Size(max = 200) @Schema(example = "山东省立医院") String name,
                           @NotBlank @Size(max = 60) @Schema(example = "山东") String province,
                           @NotBlank @Size(max = 60) @Schema(example = "济南") String city,
                           @NotBlank @Size(max = 20) @Schema(example = "三甲") String grade) {
        static Hospital of(ListedHospital h) {
            return new Hospital(h.id, h.name, h.province, h.city, h.grade);
        }
    }

    public record ReferralRequest(@NotNull UUID memberId, @NotBlank @Schema(example = "LEUKEMIA") String diseaseCode,
                                  @NotNull UUID hospitalId) {
    }

    public record CloseRequest(@Size(max = 2000) @Schema(example = "治疗完成出院") String outcome) {
    }

    public record ReferralView(UUID id, UUID memberId, String diseaseCode, UUID hospitalId, ReferralStatus status,
                               Instant referredAt, String referredBy, Instant admittedAt, String admittedBy,
                               Instant closedAt, String closedBy, String outcome) {
        static ReferralView of(Referral r) {
            return new ReferralView(r.id, r.memberId, r.diseaseCode, r.hospitalId, r.status, r.referredAt, r.referredBy,
                    r.admittedAt, r.admittedBy, r.closedAt, r.closedBy, r.outcome);
        }
    }

    /** The event: no diagnosis travels, only where the member was referred. */
    public record ReferralCreated(UUID referralId, UUID memberId, UUID organizationId, UUID hospitalId, Instant referredAt) {
    }
}
