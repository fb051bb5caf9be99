package org.unionhub.assistance.membership;

import io.quarkus.test.junit.QuarkusTest;
import org.unionhub.infra.MemberProjectionContract;

/** membership's member events reach this service's projection over the real broker, once each. */
@QuarkusTest
class MemberProjectionTest extends MemberProjectionContract {
}
