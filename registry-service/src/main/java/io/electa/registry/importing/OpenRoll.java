package io.electa.registry.importing;

import io.electa.registry.v1.ErrorReason;
import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.repository.RollImportRepository.ElectionFacts;
import io.electa.registry.repository.RollImportRepository;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.smallrye.mutiny.Uni;

/** An import starts only into an existing election whose roll is still open. */
final class OpenRoll {
    private OpenRoll() {
    }

    static Uni<ElectionFacts> require(RollImportRepository repository, String electionId) {
        return repository.election(electionId)
                .onItem().ifNull().failWith(() -> new NotFoundException("election " + electionId + " not found"))
                .invoke(facts -> {
                    if (facts.status() != ElectionStatus.SCHEDULED) {
                        throw new FailedPreconditionException("the roll of election " + electionId
                                + " is frozen (status " + facts.status() + ")", ErrorReason.ROLL_FROZEN);
                    }
                });
    }
}
