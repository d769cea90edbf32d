package io.electa.site.web;

import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.Results;
import io.quarkus.qute.TemplateExtension;

/** The message keys and codes the pages need for statuses, and counts written for them. */
@TemplateExtension
public final class Labels {
    private Labels() {
    }

    /** A count written as the site writes counts, e.g. 6 537. */
    static String grouped(int n) {
        return Format.count(n);
    }

    /** The results' status without its prefix, e.g. CERTIFIED. */
    static String statusCode(Results r) {
        return r.getStatus().name().replace("RESULTS_STATUS_", "");
    }

    /** The message key of the results' status, e.g. status_CERTIFIED. */
    static String statusKey(Results r) {
        return "status_" + statusCode(r);
    }

    /** The message key of a protocol version's status, e.g. protocol_ACCEPTED. */
    static String statusKey(Protocol p) {
        return Views.protocolStatusKey(p);
    }
}
