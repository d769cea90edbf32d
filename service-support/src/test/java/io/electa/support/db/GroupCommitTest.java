package io.electa.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The batching itself, with an in-process writer the test settles by hand: a batch never waits
 * to fill, what queued meanwhile goes together and in order, and a stuck batch does not stop the
 * queue.
 */
class GroupCommitTest {
    private final List<List<String>> written = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<List<String>>> pending = new CopyOnWriteArrayList<>();
    private final List<List<String>> abandoned = new CopyOnWriteArrayList<>();

    private GroupCommit<String> commit(int maxBatch, int writers, Duration timeout) {
        return new GroupCommit<>(maxBatch, writers, (batch, next) -> !batch.contains(next), batch -> {
            written.add(List.copyOf(batch));
            CompletableFuture<List<String>> settled = new CompletableFuture<>();
            pending.add(settled);
            return Uni.createFrom().completionStage(settled);
        }, timeout, (batch, failure) -> abandoned.add(List.copyOf(batch)));
    }

    @Test
    void aLoneItemIsWrittenAtOnceAndWhatQueuesMeanwhileGoesTogetherInOrder() {
        GroupCommit<String> commit = commit(64, 1, Duration.ofSeconds(30));

        commit.add("a");
        assertThat(written).containsExactly(List.of("a"));
        commit.add("b");
        commit.add("c");
        commit.add("d");
        assertThat(written).as("the writer is busy: b, c and d wait").hasSize(1);

        pending.get(0).complete(List.of());
        assertThat(written).containsExactly(List.of("a"), List.of("b", "c", "d"));
        pending.get(1).complete(List.of());
        commit.add("e");
        assertThat(written.get(2)).as("a free writer takes the next item alone").containsExactly("e");
    }

    @Test
    void aBatchHoldsAtMostMaxBatchItemsAndAnItemThatMayNotJoinStartsTheNext() {
        GroupCommit<String> commit = commit(3, 1, Duration.ofSeconds(30));
        commit.add("first");
        for (String item : List.of("a", "b", "c", "d", "x", "x", "y")) {
            commit.add(item);
        }

        for (int i = 0; i < 4; i++) {
            pending.get(i).complete(List.of());
        }

        assertThat(written).containsExactly(List.of("first"), List.of("a", "b", "c"), List.of("d", "x"),
                List.of("x", "y"));
    }

    @Test
    void deferredItemsGoFirstInTheNextBatch() {
        GroupCommit<String> commit = commit(64, 1, Duration.ofSeconds(30));
        commit.add("a");
        commit.add("b");
        commit.add("c");

        pending.get(0).complete(List.of());
        pending.get(1).complete(List.of("c"));
        commit.add("d");

        assertThat(written).containsExactly(List.of("a"), List.of("b", "c"), List.of("c"));
        pending.get(2).complete(List.of());
        assertThat(written.get(3)).containsExactly("d");
    }

    @Test
    void atMostTheConfiguredWritersAreInFlight() {
        GroupCommit<String> commit = commit(64, 2, Duration.ofSeconds(30));
        commit.add("a");
        commit.add("b");
        commit.add("c");
        commit.add("d");

        assertThat(written).containsExactly(List.of("a"), List.of("b"));
        pending.get(1).complete(List.of());
        assertThat(written).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
    }

    @Test
    void aBatchThatDoesNotSettleInTimeIsAbandonedAndTheQueueGoesOn() throws InterruptedException {
        GroupCommit<String> commit = commit(64, 1, Duration.ofMillis(200));
        commit.add("stuck");
        commit.add("next");

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (written.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(abandoned).containsExactly(List.of("stuck"));
        assertThat(written.get(1)).containsExactly("next");
    }

    @Test
    void aWriterThatThrowsIsAbandonedLikeAFailedBatch() {
        List<List<String>> failed = new ArrayList<>();
        GroupCommit<String> commit = new GroupCommit<>(64, 1, (batch, next) -> true, batch -> {
            throw new IllegalStateException("boom");
        }, Duration.ofSeconds(30), (batch, failure) -> failed.add(List.copyOf(batch)));

        commit.add("a");
        commit.add("b");

        assertThat(failed).containsExactly(List.of("a"), List.of("b"));
    }
}
