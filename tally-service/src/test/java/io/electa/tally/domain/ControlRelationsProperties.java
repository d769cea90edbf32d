package io.electa.tally.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.support.domain.FieldViolation;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.ProtocolFigures;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ControlRelationsProperties {
    private static final List<String> CODES = List.of("A", "B", "C", "D");

    @Property
    void aBalancedProtocolBreaksNoRelation(@ForAll("balanced") ProtocolFigures f) {
        assertThat(ControlRelations.check(f, CODES)).isEmpty();
    }

    @Property
    void moreBallotsReceivedThanIssuedAndCancelledBreaksCr1Only(@ForAll("balanced") ProtocolFigures f,
            @ForAll @IntRange(min = 1, max = 1000) int extra) {
        ProtocolFigures broken = f.toBuilder().setBallotsReceived(f.getBallotsReceived() + extra).build();
        assertThat(relations(broken)).containsExactly("CR1");
    }

    @Property
    void aVoteMoreForOneCandidateBreaksCr4Only(@ForAll("balanced") ProtocolFigures f,
            @ForAll @IntRange(min = 0, max = 3) int candidate) {
        CandidateVotes v = f.getCandidateVotes(candidate);
        ProtocolFigures broken = f.toBuilder()
                .setCandidateVotes(candidate, v.toBuilder().setVotes(v.getVotes() + 1)).build();
        assertThat(relations(broken)).containsExactly("CR4");
    }

    @Property
    void moreIssuedThanRegisteredBreaksCr5(@ForAll("balanced") ProtocolFigures f,
            @ForAll @IntRange(min = 1, max = 1000) int shortBy) {
        long issued = ControlRelations.issued(f);
        ProtocolFigures broken = f.toBuilder().setVotersRegistered(Math.max(0, issued - shortBy)).build();
        if (issued > 0) {
            assertThat(relations(broken)).containsExactly("CR5");
        }
    }

    @Property
    void moreBallotsFoundThanIssuedBreaksCr2AndCr3(@ForAll("balanced") ProtocolFigures f,
            @ForAll @IntRange(min = 1, max = 1000) int extra) {
        ProtocolFigures broken = f.toBuilder()
                .setBallotsFoundMobile(f.getBallotsFoundMobile() + ControlRelations.issued(f) + extra).build();
        assertThat(relations(broken)).contains("CR2", "CR3");
    }

    @Property
    void anyNegativeFigureIsNamedUnderCr6(@ForAll("balanced") ProtocolFigures f,
            @ForAll @IntRange(min = 1, max = 10) int field, @ForAll @IntRange(min = 1, max = 1000) int minus) {
        ProtocolFigures.Builder b = f.toBuilder();
        b.setField(ProtocolFigures.getDescriptor().findFieldByNumber(field), (long) -minus);
        List<FieldViolation> found = ControlRelations.check(b.build(), CODES);
        assertThat(found).anySatisfy(v -> assertThat(v.description()).startsWith("CR6:"));
        assertThat(found).allSatisfy(v -> assertThat(v.description()).startsWith("CR6:"));
    }

    @Property
    void aMissingOrUnknownCandidateBreaksCr7(@ForAll("balanced") ProtocolFigures f) {
        ProtocolFigures renamed = f.toBuilder()
                .setCandidateVotes(0, f.getCandidateVotes(0).toBuilder().setCandidateCode("Z")).build();
        assertThat(relations(renamed)).containsExactly("CR7");
    }

    @Provide
    Arbitrary<ProtocolFigures> balanced() {
        Arbitrary<Long> small = Arbitraries.longs().between(0, 400);
        return Combinators.combine(small.list().ofSize(4), small, small, Arbitraries.longs().between(0, 50),
                Arbitraries.longs().between(0, 200), Arbitraries.longs().between(0, 2000)).as(
                        (votes, invalid, unfound, mobileShare, cancelled, spare) -> {
                            long valid = votes.stream().mapToLong(Long::longValue).sum();
                            long found = valid + invalid;
                            long issued = found + unfound;
                            long mobile = Math.min(mobileShare, found);
                            long early = (issued - mobile) / 10;
                            ProtocolFigures.Builder b = ProtocolFigures.newBuilder()
                                    .setVotersRegistered(issued + spare)
                                    .setBallotsReceived(issued + cancelled)
                                    .setBallotsIssuedEarly(early)
                                    .setBallotsIssuedOnDay(issued - early - mobile)
                                    .setBallotsIssuedMobile(mobile)
                                    .setBallotsCancelled(cancelled)
                                    .setBallotsFoundStationary(found - mobile)
                                    .setBallotsFoundMobile(mobile)
                                    .setBallotsInvalid(invalid)
                                    .setBallotsValid(valid);
                            for (int i = 0; i < CODES.size(); i++) {
                                b.addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode(CODES.get(i))
                                        .setVotes(votes.get(i)));
                            }
                            return b.build();
                        });
    }

    private static List<String> relations(ProtocolFigures f) {
        return ControlRelations.check(f, CODES).stream().map(v -> v.description().substring(0, 3)).toList();
    }
}
