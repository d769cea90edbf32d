package io.electa.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.GetVoterRequest;
import io.electa.registry.v1.ImportReport;
import io.electa.roll.NationalId;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Imports with the first load by COPY switched off ({@code ELECTA_IMPORT_FIRST_LOAD_BY_COPY=false}):
 * every row is upserted through {@code voter}, so an election's first import has to give its roll
 * a partition before its first batch.
 */
@QuarkusTest
@TestProfile(UpsertOnlyImportTest.UpsertOnly.class)
class UpsertOnlyImportTest extends RegistryTestSupport {

    /** The registry with every import upserting. */
    public static final class UpsertOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("electa.import.first-load-by-copy", "false");
        }
    }

    @Test
    void firstUpsertIntoARollWithoutPartitionGivesItOne() {
        String election = electionWithStations();

        ImportReport first = importVoters(election, IntStream.range(0, 3_000).mapToObj(n -> voter(n, "S1")).toList());
        ImportReport second = importVoters(election, List.of(voter(1, "S2"), voter(2, "S1"), voter(3_000, "S3")));

        assertThat(first.getAccepted()).isEqualTo(3_000);
        assertThat(second.getAccepted()).isEqualTo(1);
        assertThat(second.getUpdated()).isEqualTo(1);
        assertThat(second.getUnchanged()).isEqualTo(1);
        assertThat(registry().getVoter(GetVoterRequest.newBuilder().setElectionId(election)
                .setNationalId(NationalId.of(1)).build()).getVoter().getStationCode()).isEqualTo("S2");
    }

    @Test
    void concurrentFirstUpsertsIntoOneRollBothLand() {
        String election = electionWithStations();
        List<io.electa.registry.v1.VoterRow> a = IntStream.range(0, 5_000).mapToObj(n -> voter(n, "S1")).toList();
        List<io.electa.registry.v1.VoterRow> b = IntStream.range(5_000, 10_000).mapToObj(n -> voter(n, "S2")).toList();

        CompletableFuture<ImportReport> ra = CompletableFuture.supplyAsync(() -> importVoters(election, a));
        CompletableFuture<ImportReport> rb = CompletableFuture.supplyAsync(() -> importVoters(election, b));

        assertThat(ra.join().getAccepted() + rb.join().getAccepted()).isEqualTo(10_000);
        ImportReport again = importVoters(election, IntStream.range(0, 10_000)
                .mapToObj(n -> voter(n, n < 5_000 ? "S1" : "S2")).toList());
        assertThat(again.getUnchanged()).as("every row of both imports is stored").isEqualTo(10_000);
    }
}
