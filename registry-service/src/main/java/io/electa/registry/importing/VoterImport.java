package io.electa.registry.importing;

import io.electa.registry.repository.RollImportRepository;
import io.electa.registry.repository.VoterCopyLoad;
import io.electa.registry.repository.VoterCopyLoads;
import io.electa.roll.NationalId;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;

/**
 * The rules of a voter import stream. Memory stays flat however long the stream: one batch of
 * rows, the election's station codes, and a compressed bitmap of the national IDs seen so far
 * (a few bytes per voter) to reject a national ID repeated in the stream. The first import
 * into an empty roll goes by COPY in one transaction ({@link VoterCopyLoad}); later imports
 * upsert batch by batch, into the election's partition of the roll (made empty first if the
 * election has none).
 */
public final class VoterImport implements RowImport<ImportedVoter> {
    private final RollImportRepository repository;
    private final VoterCopyLoads copyLoads;
    private final int batchSize;
    private final RoaringBitmap seen = new RoaringBitmap();
    private String electionId;
    private VoterRowRules rules;
    private VoterBatch buffer;
    private VoterCopyLoad firstLoad;
    private String roll;

    VoterImport(RollImportRepository repository, VoterCopyLoads copyLoads, int batchSize) {
        this.repository = repository;
        this.copyLoads = copyLoads;
        this.batchSize = batchSize;
    }

    @Override
    public Uni<Void> begin(String electionId) {
        this.electionId = electionId;
        this.buffer = new VoterBatch(batchSize);
        return OpenRoll.require(repository, electionId)
                .chain(facts -> repository.stationCodes(electionId)
                        .invoke(codes -> rules = new VoterRowRules(electionId, facts.electionDay(), codes)))
                .chain(() -> copyLoads == null ? Uni.createFrom().nullItem() : copyLoads.openIfEmpty(electionId))
                .invoke(load -> firstLoad = load)
                .chain(load -> load != null ? Uni.createFrom().voidItem()
                        : repository.ensureRollPartition(electionId).invoke(name -> roll = name).replaceWithVoid());
    }

    @Override
    public Optional<Rejection> accept(long rowNumber, ImportedVoter row) {
        Optional<Rejection> rejection = rules.check(rowNumber, row);
        if (rejection.isPresent()) {
            return rejection;
        }
        String id = row.nationalId();
        if (!seen.checkedAdd(NationalId.payload(id))) {
            return Rejection.of(rowNumber, id, RejectionReason.DUPLICATE_IN_STREAM,
                    "national_id " + id + " appeared earlier in this import; the first row counts");
        }
        buffer.add(id, row.familyName(), row.givenName(), row.dateOfBirth().toLocalDate().orElseThrow(),
                row.stationCode());
        return Optional.empty();
    }

    @Override
    public boolean batchFull() {
        return buffer.isFull();
    }

    @Override
    public boolean hasBuffered() {
        return buffer.size() > 0;
    }

    @Override
    public Uni<UpsertCounts> writeBuffered() {
        VoterBatch batch = buffer;
        buffer = new VoterBatch(batchSize);
        return firstLoad != null ? firstLoad.write(batch) : repository.upsertVoters(electionId, roll, batch);
    }

    @Override
    public Uni<UpsertCounts> commit() {
        return firstLoad != null ? firstLoad.commit() : RowImport.super.commit();
    }

    @Override
    public void abort() {
        if (firstLoad != null) {
            firstLoad.abort();
        }
    }
}
