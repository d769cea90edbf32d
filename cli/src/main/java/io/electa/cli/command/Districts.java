package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.cli.csv.CsvFile;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.District;
import io.electa.registry.v1.ErrorReason;
import io.electa.registry.v1.ListDistrictsRequest;
import io.electa.registry.v1.ListDistrictsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Districts: import from CSV, list. */
@Command(name = "districts", description = "Import and list an election's districts.",
        subcommands = {Districts.Import.class, Districts.ListAll.class})
public final class Districts {
    /** The columns of a districts file. */
    public static final List<String> COLUMNS = List.of("district_code", "name");

    @Command(name = "import", description = "Create the districts of a CSV file (district_code,name); "
            + "districts that exist already are left as they are.")
    public static final class Import extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "FILE.csv")
        Path file;

        @Override
        protected void run() {
            AtomicInteger created = new AtomicInteger();
            AtomicInteger existed = new AtomicInteger();
            new CsvFile(file, COLUMNS).forEach(row -> {
                if (create(services(), election.id, row.get("district_code"), row.get("name"))) {
                    created.incrementAndGet();
                } else {
                    existed.incrementAndGet();
                }
            });
            out().println("districts: " + created + " created, " + existed + " existed already");
        }
    }

    /** Creates one district; false when it exists already. */
    public static boolean create(Services services, String election, String code, String name) {
        String requestId = Services.requestId();
        try {
            Services.retrying(() -> services.registry().createDistrict(CreateDistrictRequest.newBuilder()
                    .setElectionId(election).setDistrictCode(code).setName(name).setRequestId(requestId).build()));
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS
                    && reason(e).equals(ErrorReason.DISTRICT_EXISTS.name())) {
                return false;
            }
            throw e;
        }
    }

    @Command(name = "list", description = "List the districts by code.")
    static final class ListAll extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Mixin
        Output output;

        @Override
        protected void run() {
            Output.Listing.Builder listing = Output.Listing.of("district", "name");
            String token = "";
            do {
                ListDistrictsResponse page = services().registry().listDistricts(ListDistrictsRequest.newBuilder()
                        .setElectionId(election.id).setPageSize(1000).setPageToken(token).build());
                for (District d : page.getDistrictsList()) {
                    listing.row(d, d.getDistrictCode(), d.getName());
                }
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            output.print(listing.build());
        }
    }

    /** The ErrorInfo reason of a failure, or "". */
    static String reason(StatusRuntimeException e) {
        var details = StatusProto.fromThrowable(e);
        if (details == null) {
            return "";
        }
        for (var any : details.getDetailsList()) {
            if (any.is(com.google.rpc.ErrorInfo.class)) {
                try {
                    return any.unpack(com.google.rpc.ErrorInfo.class).getReason();
                } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
                    return "";
                }
            }
        }
        return "";
    }
}
