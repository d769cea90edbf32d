package io.electa.tally.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.electa.support.domain.FieldViolation;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.ProtocolFigures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Control relations over generated protocols: a balanced protocol breaks no relation, and each
 * perturbation breaks exactly the relation it targets. QuickTheories reports the smallest
 * failing protocol and the seed; rerun it with {@code -DQT_SEED=<seed>}.
 */
class ControlRelationsProperties {
    private static final List<String> CODES = List.of("A", "B", "C", "D");

    @Test
    void aBalancedProtocolBreaksNoRelation() {
        qt().forAll(balanced()).checkAssert(f -> assertThat(ControlRelations.check(f, CODES)).isEmpty());
    }

    @Test
    void moreBallotsReceivedThanIssuedAndCancelledBreaksCr1Only() {
        qt().forAll(balanced(), integers().between(1, 1000)).checkAssert((f, extra) -> {
            ProtocolFigures broken = f.toBuilder().setBallotsReceived(f.getBallotsReceived() + extra).build();
            assertThat(relations(broken)).containsExactly("CR1");
        });
    }

    @Test
    void aVoteMoreForOneCandidateBreaksCr4Only() {
        qt().forAll(balanced(), integers().between(0, 3)).checkAssert((f, candidate) -> {
            CandidateVotes v = f.getCandidateVotes(candidate);
            ProtocolFigures broken = f.toBuilder()
                    .setCandidateVotes(candidate, v.toBuilder().setVotes(v.getVotes() + 1)).build();
            assertThat(relations(broken)).containsExactly("CR4");
        });
    }

    /** Only protocols that issued a ballot can issue more than their list holds. */
    @Test
    void moreIssuedThanRegisteredBreaksCr5() {
        qt().forAll(balanced(), integers().between(1, 1000))
                .assuming((f, shortBy) -> ControlRelations.issued(f) > 0)
                .checkAssert((f, shortBy) -> {
                    long issued = ControlRelations.issued(f);
                    ProtocolFigures broken = f.toBuilder().setVotersRegistered(Math.max(0, issued - shortBy)).build();
                    assertThat(relations(broken)).containsExactly("CR5");
                });
    }

    @Test
    void moreBallotsFoundThanIssuedBreaksCr2AndCr3() {
        qt().forAll(balanced(), integers().between(1, 1000)).checkAssert((f, extra) -> {
            ProtocolFigures broken = f.toBuilder()
                    .setBallotsFoundMobile(f.getBallotsFoundMobile() + ControlRelations.issued(f) + extra).build();
            assertThat(relations(broken)).contains("CR2", "CR3");
        });
    }

    @Test
    void anyNegativeFigureIsNamedUnderCr6() {
        qt().forAll(balanced(), integers().between(1, 10), integers().between(1, 1000))
                .checkAssert((f, field, minus) -> {
                    ProtocolFigures.Builder b = f.toBuilder();
                    b.setField(ProtocolFigures.getDescriptor().findFieldByNumber(field), (long) -minus);
                    List<FieldViolation> found = ControlRelations.check(b.build(), CODES);
                    assertThat(found).anySatisfy(v -> assertThat(v.description()).startsWith("CR6:"));
                    assertThat(found).allSatisfy(v -> assertThat(v.description()).startsWith("CR6:"));
                });
    }

    @Test
    void aMissingOrUnknownCandidateBreaksCr7() {
        qt().forAll(balanced()).checkAssert(f -> {
            ProtocolFigures renamed = f.toBuilder()
                    .setCandidateVotes(0, f.getCandidateVotes(0).toBuilder().setCandidateCode("Z")).build();
            assertThat(relations(renamed)).containsExactly("CR7");
        });
    }

    /** What a balanced protocol is drawn from; every figure follows from these. */
    private record Draw(List<Long> votes, long invalid, long unfound, long mobileShare) {
    }

    private static Gen<ProtocolFigures> balanced() {
        Gen<Long> small = longs().between(0, 400);
        Gen<Draw> draws = lists().of(small).ofSize(4).zip(small, small, longs().between(0, 50), Draw::new);
        return draws.zip(longs().between(0, 200), longs().between(0, 2000), ControlRelationsProperties::balanced);
    }

    private static ProtocolFigures balanced(Draw draw, long cancelled, long spare) {
        long valid = draw.votes().stream().mapToLong(Long::longValue).sum();
        long found = valid + draw.invalid();
        long issued = found + draw.unfound();
        long mobile = Math.min(draw.mobileShare(), found);
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
                .setBallotsInvalid(draw.invalid())
                .setBallotsValid(valid);
        for (int i = 0; i < CODES.size(); i++) {
            b.addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode(CODES.get(i))
                    .setVotes(draw.votes().get(i)));
        }
        return b.build();
    }

    private static List<String> relations(ProtocolFigures f) {
        return ControlRelations.check(f, CODES).stream().map(v -> v.description().substring(0, 3)).toList();
    }
}
