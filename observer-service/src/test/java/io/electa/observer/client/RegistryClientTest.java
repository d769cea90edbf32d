package io.electa.observer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.electa.observer.domain.ElectionFacts;
import io.electa.registry.v1.ElectionStatus;
import io.electa.support.domain.UnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the observer reads the registry's answers: a status it does not know is no status it guesses. */
class RegistryClientTest {
    private final RegistryClient client = new RegistryClient(Duration.ofSeconds(2));

    @Test
    void everyStatusOfTheContractHasItsPhase() {
        assertThat(client.phaseOf(ElectionStatus.ELECTION_STATUS_SCHEDULED)).isEqualTo(ElectionFacts.Phase.SCHEDULED);
        assertThat(client.phaseOf(ElectionStatus.ELECTION_STATUS_CLOSED)).isEqualTo(ElectionFacts.Phase.CLOSED);
    }

    @Test
    void aStatusANewerRegistryAddedIsUnavailableNotAnInternalError() {
        assertThatThrownBy(() -> client.phaseOf(ElectionStatus.UNRECOGNIZED))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("does not know");
    }
}
