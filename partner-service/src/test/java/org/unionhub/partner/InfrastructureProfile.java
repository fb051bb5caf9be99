package org.unionhub.partner;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.unionhub.infra.TestInfrastructure;

/** Every @QuarkusTest of this module runs against a real PostgreSQL database and Kafka broker. */
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "partner"))
public final class InfrastructureProfile {
    private InfrastructureProfile() {
    }
}
