package io.electa.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.MarkVotedRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.SubmitProtocolResponse;
import org.junit.jupiter.api.Test;

/** How the audit trail names what a change acted on and how it ended, from the messages' fields. */
class TargetsTest {
    private static final MarkVotedRequest MARK = MarkVotedRequest.newBuilder().setElectionId("pres-2027")
            .setNationalId("1234567897").setStationCode("S00017").setRequestId("r-1").build();

    @Test
    void theTargetIsEveryIdentifyingFieldButTheElectionAndTheRequestId() {
        assertThat(Targets.of(MARK)).isEqualTo("national_id=1234567897 station_code=S00017");
        assertThat(Targets.electionOf(MARK)).isEqualTo("pres-2027");
    }

    @Test
    void theAnswerAddsWhatTheRequestDidNotNameAndItsStatusIsTheOutcome() {
        SubmitProtocolResponse answer = SubmitProtocolResponse.newBuilder().setProtocol(Protocol.newBuilder()
                .setProtocolId("p-9").setElectionId("pres-2027").setStationCode("S00017").setDistrictCode("D001")
                .setStatus(ProtocolStatus.PROTOCOL_STATUS_QUARANTINED)).build();

        assertThat(Targets.extend("station_code=S00017", answer))
                .isEqualTo("station_code=S00017 protocol_id=p-9 district_code=D001");
        assertThat(Targets.electionOf(answer)).as("found one level down").isEqualTo("pres-2027");
        assertThat(Targets.outcomeOf(answer)).isEqualTo("PROTOCOL_STATUS_QUARANTINED");
    }

    @Test
    void anAnswerWithoutStatusEndedOkAndEmptyFieldsNameNothing() {
        assertThat(Targets.outcomeOf(MARK)).isEqualTo("OK");
        assertThat(Targets.of(MarkVotedRequest.newBuilder().setElectionId("pres-2027").build())).isEmpty();
    }
}
