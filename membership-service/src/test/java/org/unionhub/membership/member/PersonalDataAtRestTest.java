package org.unionhub.membership.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The ID number and phone are nowhere in the member's row in clear, yet the service can still read them back. */
@QuarkusTest
class PersonalDataAtRestTest {

    @Inject
    EntityManager em;

    @Inject
    PersonalData personalData;

    @Test
    void noColumnHoldsTheIdNumberOrPhoneInClear() {
        TestData.Tree t = TestData.tree();
        String idNumber = TestData.idNumber();
        String phone = TestData.phone();
        String id = given().auth().oauth2(DevTokens.staff(t.leaf())).contentType(ContentType.JSON)
                .body(TestData.joinBody("隐私测试", idNumber, phone, "COURIER", t.leaf(), "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            String row = (String) em.createNativeQuery("SELECT m::text FROM member m WHERE id = ?1")
                    .setParameter(1, UUID.fromString(id)).getSingleResult();
            assertThat(row).doesNotContain(idNumber).doesNotContain(idNumber.substring(3, 14)).doesNotContain(phone);
            Object[] stored = (Object[]) em.createNativeQuery("SELECT id_hash, id_cipher, phone_cipher FROM member WHERE id = ?1")
                    .setParameter(1, UUID.fromString(id)).getSingleResult();
            assertThat(stored[0]).isEqualTo(personalData.hash(idNumber));
            assertThat(personalData.decrypt((String) stored[1])).isEqualTo(idNumber);
            assertThat(personalData.decrypt((String) stored[2])).isEqualTo(phone);
        });
    }
}
