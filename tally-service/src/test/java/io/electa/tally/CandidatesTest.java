package io.electa.tally;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.ControlRelation;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.ListCandidatesRequest;
import io.electa.tally.v1.ListCandidatesResponse;
import io.electa.tally.v1.ListControlRelationsRequest;
import io.electa.tally.v1.NominationType;
import io.electa.tally.v1.RelationKind;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CandidatesTest extends TallyTestSupport {

    @Test
    void candidatesAreDefinedListedByBallotOrderAndRedefinedUntilThePollsOpen() {
        Scenario s = Scenario.frozen(1, 1);
        tally().defineCandidates(candidates(s.electionId));
        DefineCandidatesRequest two = DefineCandidatesRequest.newBuilder().setElectionId(s.electionId)
                .addCandidates(candidates(s.electionId).getCandidates(2).toBuilder().setBallotOrder(1))
                .addCandidates(candidates(s.electionId).getCandidates(0).toBuilder().setBallotOrder(2))
                .setRequestId(requestId()).build();
        tally().defineCandidates(two);

        ListCandidatesResponse page = tally().listCandidates(ListCandidatesRequest.newBuilder()
                .setElectionId(s.electionId).setPageSize(1).build());
        ListCandidatesResponse rest = tally().listCandidates(ListCandidatesRequest.newBuilder()
                .setElectionId(s.electionId).setPageToken(page.getNextPageToken()).build());

        assertThat(page.getCandidatesList()).extracting(Candidate::getCandidateCode).containsExactly("SIDOROV");
        assertThat(rest.getCandidatesList()).extracting(Candidate::getCandidateCode).containsExactly("IVANOV");
        assertThat(rest.getNextPageToken()).isEmpty();

        s.openPolls();
        var e = failure(Status.Code.FAILED_PRECONDITION, () -> tally().defineCandidates(candidates(s.electionId)));
        assertThat(errorInfo(e).getReason()).isEqualTo("CANDIDATES_LOCKED");
    }

    @Test
    void aBadCandidateListNamesEveryProblem() {
        Scenario s = Scenario.frozen(1, 1);
        DefineCandidatesRequest badFields = DefineCandidatesRequest.newBuilder().setElectionId(s.electionId)
                .addCandidates(CandidateDefinition.newBuilder().setCandidateCode("A").setFullName("Anna")
                        .setNominationType(NominationType.NOMINATION_TYPE_PARTY).setBallotOrder(1))
                .addCandidates(CandidateDefinition.newBuilder().setCandidateCode("c").setFullName(" ")
                        .setBallotOrder(200))
                .setRequestId(requestId()).build();
        DefineCandidatesRequest badRelations = DefineCandidatesRequest.newBuilder().setElectionId(s.electionId)
                .addCandidates(CandidateDefinition.newBuilder().setCandidateCode("A").setFullName("Anna")
                        .setNominationType(NominationType.NOMINATION_TYPE_PARTY).setBallotOrder(1))
                .addCandidates(CandidateDefinition.newBuilder().setCandidateCode("A").setFullName("Boris")
                        .setNominationType(NominationType.NOMINATION_TYPE_SELF_NOMINATED).setPartyName("X")
                        .setBallotOrder(1))
                .addCandidates(CandidateDefinition.newBuilder().setCandidateCode("C").setFullName("Clara")
                        .setNominationType(NominationType.NOMINATION_TYPE_SELF_NOMINATED).setBallotOrder(7))
                .setRequestId(requestId()).build();

        var fields = failure(Status.Code.INVALID_ARGUMENT, () -> tally().defineCandidates(badFields));
        var relations = failure(Status.Code.INVALID_ARGUMENT, () -> tally().defineCandidates(badRelations));

        assertThat(violatedFields(fields)).containsExactlyInAnyOrder("candidates[1].candidate_code",
                "candidates[1].full_name", "candidates[1].ballot_order", "candidates[1].nomination_type");
        assertThat(violatedFields(relations)).containsExactlyInAnyOrder("candidates[0].party_name",
                "candidates[1].candidate_code", "candidates[1].party_name", "candidates[1].ballot_order",
                "candidates[2].ballot_order");
        failure(Status.Code.INVALID_ARGUMENT, () -> tally().defineCandidates(DefineCandidatesRequest.newBuilder()
                .setElectionId(s.electionId).setRequestId(requestId()).build()));
        failure(Status.Code.NOT_FOUND, () -> tally().defineCandidates(candidates("no-such-election")));
    }

    @Test
    void theRuleSetIsPublishedWithIdsFormulasAndKinds() {
        var relations = tally().listControlRelations(ListControlRelationsRequest.newBuilder().build())
                .getRelationsList();

        assertThat(relations).extracting(ControlRelation::getRelationId)
                .containsExactly("CR1", "CR2", "CR3", "CR4", "CR5", "CR6", "CR7", "XC1", "XC2");
        assertThat(relations.get(0).getFormula()).startsWith("ballots_received =");
        assertThat(relations.get(7).getKind()).isEqualTo(RelationKind.RELATION_KIND_REGISTRY_CROSS_CHECK);
        assertThat(relations).allSatisfy(r -> assertThat(r.getText()).isNotBlank());
    }
}
