package io.electa.support.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.common.v1.Date;
import io.electa.common.v1.FieldViolationReason;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.support.domain.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract's buf.validate rules, as every service checks them before a handler runs. */
class ContractRulesTest {

    private static CreateElectionRequest.Builder election() {
        return CreateElectionRequest.newBuilder()
                .setElectionId("pres-2027")
                .setName("Early presidential election")
                .setElectionDay(Date.newBuilder().setYear(2027).setMonth(2).setDay(7))
                .setRequestId("r-1");
    }

    @Test
    void aRequestThatKeepsEveryRuleHasNoViolation() {
        assertThat(ContractRules.violations(election().build())).isEmpty();
    }

    @Test
    void anEmptyRequestNamesEveryRequiredFieldOnceAsRequired() {
        List<FieldViolation> found = ContractRules.violations(MarkVotedRequest.getDefaultInstance());

        assertThat(found).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("election_id", "national_id", "station_code", "request_id");
        assertThat(found).extracting(FieldViolation::reason).containsOnly(FieldViolationReason.REQUIRED);
    }

    @Test
    void formatsLengthsAndDatesHaveTheirOwnReasons() {
        List<FieldViolation> found = ContractRules.violations(election()
                .setElectionId("Not An Id")
                .setName("x".repeat(201))
                .setElectionDay(Date.newBuilder().setYear(2027).setMonth(2).setDay(29))
                .build());

        assertThat(found).extracting(FieldViolation::field, FieldViolation::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("election_id", FieldViolationReason.MALFORMED),
                org.assertj.core.groups.Tuple.tuple("name", FieldViolationReason.TOO_LONG),
                org.assertj.core.groups.Tuple.tuple("election_day", FieldViolationReason.OUT_OF_RANGE));
    }

    @Test
    void aLeapDayIsARealDate() {
        assertThat(ContractRules.violations(election()
                .setElectionDay(Date.newBuilder().setYear(2028).setMonth(2).setDay(29)).build())).isEmpty();
    }

    @Test
    void blankTextAndControlCharactersAreRefused() {
        assertThat(ContractRules.violations(election().setName("   ").build()))
                .extracting(FieldViolation::field).containsExactly("name");
        assertThat(ContractRules.violations(election().setName("a\u0000b").build()))
                .extracting(FieldViolation::field).containsExactly("name");
    }

    @Test
    void aScopeSetToAnEmptyCodeIsMalformedNotTheNation() {
        List<FieldViolation> found = ContractRules.violations(GetTurnoutRequest.newBuilder()
                .setElectionId("pres-2027").setDistrictCode("").build());

        assertThat(found).extracting(FieldViolation::field).containsExactly("district_code");
    }

    @Test
    void descriptionsNeverRepeatTheRefusedValue() {
        String hostile = "Z".repeat(70_000);
        List<FieldViolation> found = ContractRules.violations(election().setElectionId(hostile).setName(hostile).build());

        assertThat(found).isNotEmpty().allSatisfy(v -> assertThat(v.description()).doesNotContain("ZZZZ"));
    }
}
