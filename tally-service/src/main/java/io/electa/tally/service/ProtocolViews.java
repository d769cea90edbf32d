package io.electa.tally.service;

import io.electa.tally.repository.ProtocolRepository;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolReview;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A protocol version as clients see it: as recorded, with its current status and its reviews. */
final class ProtocolViews {
    private ProtocolViews() {
    }

    static Protocol view(ProtocolRepository.Stored stored, List<ProtocolReview> reviews) {
        return stored.recorded().toBuilder()
                .setStatus(stored.status())
                .setSupersededByProtocolId(stored.supersededBy() == null ? "" : stored.supersededBy().toString())
                .clearReviews()
                .addAllReviews(reviews)
                .build();
    }

    static List<Protocol> views(List<ProtocolRepository.Stored> stored, Map<UUID, List<ProtocolReview>> reviews) {
        return stored.stream()
                .map(s -> view(s, reviews.getOrDefault(s.id(), List.of())))
                .toList();
    }
}
