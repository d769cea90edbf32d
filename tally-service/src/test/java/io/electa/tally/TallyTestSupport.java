package io.electa.tally;

import io.electa.testing.TestTokens;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.GetLedgerHeadRequest;
import io.electa.tally.v1.GetResultsRequest;
import io.electa.tally.v1.NominationType;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.TallyServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Shared by the tally's tests: a real gRPC client of the tally under test, the real registry
 * behind it, and builders of candidate lists and consistent protocol figures.
 */
@QuarkusTestResource(RealRegistry.class)
public abstract class TallyTestSupport {
    /** Candidate codes of every test election, by ballot order. */
    protected static final List<String> CANDIDATES = List.of("IVANOV", "PETROVA", "SIDOROV");
    private static ManagedChannel channel;

    protected static synchronized TallyServiceGrpc.TallyServiceBlockingStub tally() {
        if (channel == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
            channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext()
                    .intercept(TestTokens.acting()).build();
        }
        return TallyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    protected static synchronized ManagedChannel tallyChannel() {
        tally();
        return channel;
    }

    protected static String requestId() {
        return Scenario.requestId();
    }

    /** Ivanov (party), Petrova (party), Sidorov (self-nominated). */
    protected static DefineCandidatesRequest candidates(String electionId) {
        return DefineCandidatesRequest.newBuilder()
                .setElectionId(electionId)
                .addCandidates(candidate(CANDIDATES.get(0), "Ivan Ivanov", "Unity", 1))
                .addCandidates(candidate(CANDIDATES.get(1), "Anna Petrova", "Progress", 2))
                .addCandidates(candidate(CANDIDATES.get(2), "Pavel Sidorov", "", 3))
                .setRequestId(requestId())
                .build();
    }

    private static CandidateDefinition candidate(String code, String name, String party, int order) {
        return CandidateDefinition.newBuilder()
                .setCandidateCode(code)
                .setFullName(name)
                .setNominationType(party.isEmpty() ? NominationType.NOMINATION_TYPE_SELF_NOMINATED
                        : NominationType.NOMINATION_TYPE_PARTY)
                .setPartyName(party)
                .setBallotOrder(order)
                .build();
    }

    /** A scenario whose candidates are defined and whose polls are closed: ready for protocols. */
    protected static Scenario counting(int districts, int stationsEach) {
        Scenario s = Scenario.frozen(districts, stationsEach);
        tally().defineCandidates(candidates(s.electionId));
        return s.openPolls().closePolls();
    }

    /**
     * Figures that satisfy every control relation and the registry cross-checks of a station with
     * {@code registered} voters of whom {@code marked} were marked: the marked voters got ballots
     * on the day, {@code early} voted early; every ballot issued was found; {@code invalid} of
     * them are invalid and the rest are split among the candidates as {@code votes} says.
     */
    protected static ProtocolFigures figures(long registered, long marked, long early, long invalid, long... votes) {
        long valid = java.util.Arrays.stream(votes).sum();
        long issued = marked + early;
        if (valid + invalid != issued) {
            throw new IllegalArgumentException("votes + invalid must equal the ballots issued");
        }
        ProtocolFigures.Builder f = ProtocolFigures.newBuilder()
                .setVotersRegistered(registered)
                .setBallotsReceived(issued + 7)
                .setBallotsIssuedEarly(early)
                .setBallotsIssuedOnDay(marked)
                .setBallotsIssuedMobile(0)
                .setBallotsCancelled(7)
                .setBallotsFoundStationary(issued)
                .setBallotsFoundMobile(0)
                .setBallotsInvalid(invalid)
                .setBallotsValid(valid);
        for (int i = 0; i < votes.length; i++) {
            f.addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode(CANDIDATES.get(i)).setVotes(votes[i]));
        }
        return f.build();
    }

    /** Consistent figures for a station without marks: every ballot was issued early. */
    protected static ProtocolFigures earlyOnly(long registered, long invalid, long... votes) {
        return figures(registered, 0, java.util.Arrays.stream(votes).sum() + invalid, invalid, votes);
    }

    protected static Protocol submit(String electionId, String station, ProtocolFigures figures) {
        return tally().submitProtocol(SubmitProtocolRequest.newBuilder()
                .setElectionId(electionId)
                .setStationCode(station)
                .setFigures(figures)
                .setRequestId(requestId())
                .build()).getProtocol();
    }

    /** The nation's results once they reflect every change acknowledged so far (see {@link #current}). */
    protected static Results nation(String electionId) {
        return current(GetResultsRequest.newBuilder().setElectionId(electionId).build());
    }

    /** The district's results once they reflect every change acknowledged so far (see {@link #current}). */
    protected static Results district(String electionId, String district) {
        return current(GetResultsRequest.newBuilder().setElectionId(electionId).setDistrictCode(district).build());
    }

    /**
     * GetResults, asked again until its figures reflect the ledger head as it was when first asked:
     * GetResults serves figures up to one refresh interval plus one read old, so a read right after
     * an acknowledgement may not show it yet. Fails if they do not within 10 seconds.
     */
    protected static Results current(GetResultsRequest request) {
        Results results = tally().getResults(request).getResults();
        long head = tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(request.getElectionId())
                .build()).getHead().getSequence();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (results.getLedgerSequence() < head) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("GetResults still at ledger sequence " + results.getLedgerSequence()
                        + " 10 s after the head was " + head);
            }
            sleepMillis(5);
            results = tally().getResults(request).getResults();
        }
        return results;
    }

    protected static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
