package io.electa.registry.importing;

import io.electa.registry.repository.RollImportRepository;
import io.electa.support.domain.Codes;
import io.smallrye.mutiny.Uni;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The rules of a station import stream. */
public final class StationImport implements RowImport<ImportedStation> {
    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 300;

    private final RollImportRepository repository;
    private final int batchSize;
    private final Set<String> seen = new HashSet<>();
    private String electionId;
    private Set<String> districts;
    private StationBatch buffer = new StationBatch();

    StationImport(RollImportRepository repository, int batchSize) {
        this.repository = repository;
        this.batchSize = batchSize;
    }

    @Override
    public Uni<Void> begin(String electionId) {
        this.electionId = electionId;
        return OpenRoll.require(repository, electionId)
                .chain(() -> repository.districtCodes(electionId))
                .invoke(codes -> districts = codes)
                .replaceWithVoid();
    }

    @Override
    public Optional<Rejection> accept(long rowNumber, ImportedStation row) {
        String code = row.stationCode();
        if (code.isEmpty() || row.districtCode().isEmpty() || row.name().isEmpty() || row.address().isEmpty()) {
            return Rejection.of(rowNumber, code, RejectionReason.MISSING_FIELD,
                    "station_code, district_code, name and address are required");
        }
        if (!Codes.isCode(code) || !Codes.isCode(row.districtCode())) {
            return Rejection.of(rowNumber, code, RejectionReason.MALFORMED_CODE,
                    "station_code and district_code must be 1-32 characters of A-Z, 0-9 and '-'");
        }
        if (!Codes.isText(row.name(), MAX_NAME) || !Codes.isText(row.address(), MAX_ADDRESS)) {
            return Rejection.of(rowNumber, code, RejectionReason.MISSING_FIELD, "name must be 1-" + MAX_NAME
                    + " and address 1-" + MAX_ADDRESS + " characters without control characters");
        }
        if (!districts.contains(row.districtCode())) {
            return Rejection.of(rowNumber, code, RejectionReason.UNKNOWN_DISTRICT,
                    "district_code " + row.districtCode() + " does not exist in election " + electionId);
        }
        if (!seen.add(code)) {
            return Rejection.of(rowNumber, code, RejectionReason.DUPLICATE_IN_STREAM,
                    "station_code " + code + " appeared earlier in this import; the first row counts");
        }
        buffer.add(row);
        return Optional.empty();
    }

    @Override
    public boolean batchFull() {
        return buffer.size() >= batchSize;
    }

    @Override
    public boolean hasBuffered() {
        return buffer.size() > 0;
    }

    @Override
    public Uni<UpsertCounts> writeBuffered() {
        StationBatch batch = buffer;
        buffer = new StationBatch();
        return repository.upsertStations(electionId, batch);
    }
}
