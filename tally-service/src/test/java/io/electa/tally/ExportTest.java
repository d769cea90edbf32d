package io.electa.tally;

import static io.electa.testing.GrpcAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.electa.tally.export.NistSchema;
import io.electa.tally.v1.ExportFormat;
import io.electa.tally.v1.ExportHeader;
import io.electa.tally.v1.ExportResultsRequest;
import io.electa.tally.v1.ExportResultsResponse;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ResultsStatus;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportTest extends TallyTestSupport {

    @Test
    void theNistExportOfALiveElectionIsValidAgainstTheOfficialSchemaAndHoldsItsCounts() throws Exception {
        Scenario s = counting(2, 2);
        submit(s.electionId, "D1-S1", earlyOnly(11, 1, 5, 3, 1));
        submit(s.electionId, "D2-S2", earlyOnly(14, 0, 2, 2, 2));
        submit(s.electionId, "D2-S1", earlyOnly(99, 0, 1, 0, 0));

        Export export = export(s.electionId, ExportFormat.EXPORT_FORMAT_NIST_SP_1500_100_V2_JSON);

        assertThat(export.header.getContentType()).isEqualTo("application/json");
        assertThat(export.header.getResultsStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_UNOFFICIAL_PARTIAL);
        assertThat(NistSchema.validate(export.text())).isEmpty();
        JsonNode report = new ObjectMapper().readTree(export.content);
        assertThat(report.path("Status").asText()).isEqualTo("unofficial-partial");
        JsonNode ivanov = report.path("Election").get(0).path("Contest").get(0).path("ContestSelection").get(0);
        long nationVotes = 0;
        for (JsonNode count : ivanov.path("VoteCounts")) {
            if (count.path("GpUnitId").asText().equals("gpu-nation")) {
                nationVotes = count.path("Count").asLong();
            }
        }
        assertThat(nationVotes).isEqualTo(nation(s.electionId).getCandidates(0).getVotes()).isEqualTo(7);
    }

    @Test
    void theCsvExportHasOneLinePerCountedStationWithItsProtocol() {
        Scenario s = counting(1, 2);
        Protocol counted = submit(s.electionId, "D1-S2", earlyOnly(12, 1, 5, 3, 1));

        Export export = export(s.electionId, ExportFormat.EXPORT_FORMAT_CSV);

        assertThat(export.header.getContentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(export.header.getLedgerSequence()).isEqualTo(counted.getLedgerSequence());
        assertThat(export.text().split("\r\n")).containsExactly(
                "district_code,station_code,protocol_id,protocol_version,voters_registered,ballots_issued,"
                        + "ballots_found,ballots_valid,ballots_invalid,IVANOV,PETROVA,SIDOROV",
                "D1,D1-S2," + counted.getProtocolId() + ",1,12,10,10,9,1,5,3,1");
    }

    @Test
    void anUnspecifiedFormatIsRefusedAndAnUnknownElectionIsNotFound() {
        failure(Status.Code.INVALID_ARGUMENT, () -> export("pres-2027", ExportFormat.EXPORT_FORMAT_UNSPECIFIED));
        failure(Status.Code.NOT_FOUND, () -> export("no-such-election", ExportFormat.EXPORT_FORMAT_CSV));
    }

    private record Export(ExportHeader header, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static Export export(String electionId, ExportFormat format) {
        List<ExportResultsResponse> parts = new ArrayList<>();
        tally().exportResults(ExportResultsRequest.newBuilder().setElectionId(electionId).setFormat(format).build())
                .forEachRemaining(parts::add);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        parts.stream().skip(1).forEach(p -> content.writeBytes(p.getChunk().toByteArray()));
        return new Export(parts.get(0).getHeader(), content.toByteArray());
    }
}
