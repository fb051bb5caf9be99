package org.unionhub.assistance;

import org.unionhub.infra.contract.OutboxContract;

/**
 * Runs after every @QuarkusTest of this module (a plain JUnit class: Quarkus' class orderer puts those last): each
 * event the suite wrote to the outbox matches the schema of its type in src/main/resources/events, and each schema
 * there is a type the suite wrote.
 */
class OutboxContractTest extends OutboxContract {

    @Override
    protected String service() {
        return "assistance";
    }
}
