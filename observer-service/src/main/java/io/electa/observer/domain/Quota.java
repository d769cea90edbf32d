package io.electa.observer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** How many live accreditations one organisation may hold in one election; null: no limit. */
@Entity
@Table(name = "quota")
@IdClass(Quota.Key.class)
public class Quota {
    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Id
    @Column(name = "election_id")
    public String electionId;

    @Column(name = "max_observers")
    public Integer maxObservers;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Quota of(String organisationId, String electionId, Integer maxObservers, Instant now) {
        Quota quota = new Quota();
        quota.organisationId = organisationId;
        quota.electionId = electionId;
        quota.maxObservers = maxObservers;
        quota.updatedAt = now;
        return quota;
    }

    /** Whether one more live accreditation would exceed the quota, given {@code used} now. */
    public boolean isReachedBy(long used) {
        return maxObservers != null && used >= maxObservers;
    }

    /** Primary key. */
    public record Key(String organisationId, String electionId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
