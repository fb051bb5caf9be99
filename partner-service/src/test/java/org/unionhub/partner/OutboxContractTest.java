package org.unionhub.partner;

import org.unionhub.infra.contract.EventSchemas;
import org.unionhub.infra.contract.OutboxContract;

/**
 * Runs after every @QuarkusTest of this module: each event of partner-service's own (topic {@code partner.v1}) matches
 * the schema of its type in src/main/resources/events, and each schema there is a type the suite wrote. The rows for
 * the per-partner streams ({@code partner.<partnerId>.v1}) are redacted copies of the other services' events, whose
 * schemas (less what the partner's redaction level removes, docs/partners.md) describe them.
 */
class OutboxContractTest extends OutboxContract {

    @Override
    protected String service() {
        return "partner";
    }

    @Override
    protected boolean isOwnEvent(EventSchemas.Event event) {
        return "partner.v1".equals(event.topic());
    }
}
