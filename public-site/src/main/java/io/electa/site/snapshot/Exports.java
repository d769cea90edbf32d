package io.electa.site.snapshot;

import io.electa.site.upstream.Upstream;
import io.electa.tally.v1.ExportFormat;
import io.electa.tally.v1.ExportHeader;
import io.electa.tally.v1.ExportResultsResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tally's exports as the site serves them for download: read once per ledger sequence and
 * format and kept, so that downloads cost the tally one export per change, not one per visitor.
 */
@ApplicationScoped
public class Exports {
    private final Upstream upstream;
    private final Map<String, Export> cache = new ConcurrentHashMap<>();

    /** One export: the tally's header (file name, content type, ledger sequence) and the file. */
    public record Export(ExportHeader header, byte[] content) {
    }

    public Exports(Upstream upstream) {
        this.upstream = upstream;
    }

    /** The export of {@code snapshot}'s election in {@code format}, at least as new as the snapshot. */
    public Export of(ElectionSnapshot snapshot, ExportFormat format) {
        String key = snapshot.election().getElectionId() + "/" + format.name();
        Export cached = cache.get(key);
        if (cached != null && cached.header().getLedgerSequence() >= snapshot.national().getLedgerSequence()) {
            return cached;
        }
        synchronized (this) {
            cached = cache.get(key);
            if (cached != null && cached.header().getLedgerSequence() >= snapshot.national().getLedgerSequence()) {
                return cached;
            }
            Export read = read(snapshot.election().getElectionId(), format);
            cache.put(key, read);
            return read;
        }
    }

    private Export read(String electionId, ExportFormat format) {
        Iterator<ExportResultsResponse> parts = upstream.export(electionId, format);
        ExportHeader header = parts.next().getHeader();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (parts.hasNext()) {
            content.writeBytes(parts.next().getChunk().toByteArray());
        }
        return new Export(header, content.toByteArray());
    }
}
