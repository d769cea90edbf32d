package io.electa.registry.importing;

import java.util.ArrayList;
import java.util.List;

/** Counts and rejections of one import stream; lists at most {@link #MAX_LISTED} rejections. */
public final class ImportReport {
    public static final int MAX_LISTED = 20_000;

    private final String electionId;
    private long received;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private final List<Rejection> rejections = new ArrayList<>();

    public ImportReport(String electionId) {
        this.electionId = electionId;
    }

    public void received() {
        received++;
    }

    public void reject(Rejection rejection) {
        rejected++;
        if (rejections.size() < MAX_LISTED) {
            rejections.add(rejection);
        }
    }

    public void add(UpsertCounts counts) {
        created += counts.created();
        updated += counts.updated();
        unchanged += counts.unchanged();
    }

    public String electionId() {
        return electionId;
    }

    public long receivedCount() {
        return received;
    }

    public long createdCount() {
        return created;
    }

    public long updatedCount() {
        return updated;
    }

    public long unchangedCount() {
        return unchanged;
    }

    public long rejectedCount() {
        return rejected;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    public long rejectionsOmitted() {
        return rejected - rejections.size();
    }
}
