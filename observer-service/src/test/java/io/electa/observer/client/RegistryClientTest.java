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
        assertThat(client.phaseOf(ElectionStatus.ELECTION_STATUS_SCHEDULED_VALUE)).isEqualTo(ElectionFacts.Phase.SCHEDULED);
        assertThat(client.phaseOf(ElectionStatus.ELECTION_STATUS_CLOSED_VALUE)).isEqualTo(ElectionFacts.Phase.CLOSED);
    }

    @Test
    void aStatusANewerRegistryAddedIsUnavailableNotAnInternalError() {
        assertThatThrownBy(() -> client.phaseOf(7))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("election status 7").hasMessageContaining("does not know");
    }
}
