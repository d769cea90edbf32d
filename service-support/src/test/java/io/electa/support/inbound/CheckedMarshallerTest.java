package io.electa.support.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The marshaller reads a request in one array of the size its stream announces; a stream that
 * announces less than it holds (available() is only an estimate) is still read to its end.
 */
class CheckedMarshallerTest {
    private static final MarkVotedRequest MARK = MarkVotedRequest.newBuilder().setElectionId("pres-2027")
            .setNationalId("1234567897").setStationCode("S00017").setRequestId("r-1").build();

    private final CheckedMarshaller<MarkVotedRequest> marshaller = new CheckedMarshaller<>(
            (MethodDescriptor.PrototypeMarshaller<MarkVotedRequest>) RegistryServiceGrpc.getMarkVotedMethod()
                    .getRequestMarshaller());

    @Test
    void aStreamThatAnnouncesItsLengthIsReadWhole() {
        assertThat(marshaller.parse(new ByteArrayInputStream(MARK.toByteArray()))).isEqualTo(MARK);
    }

    @Test
    void aStreamThatAnnouncesLessThanItHoldsIsStillReadToItsEnd() {
        for (int announced : new int[] {0, 1, MARK.getSerializedSize() - 1}) {
            assertThat(marshaller.parse(announcing(announced, MARK.toByteArray()))).as("announcing %d", announced)
                    .isEqualTo(MARK);
        }
    }

    @Test
    void bytesThatDoNotDecodeBecomeAnUndecodableRequestRatherThanAnException() {
        MarkVotedRequest parsed = marshaller.parse(new ByteArrayInputStream(new byte[] {0x0a, 0x05, 'a'}));

        assertThat(Undecodable.brokenAt(parsed)).as("where the encoding broke").isNotNull();
    }

    private static InputStream announcing(int announced, byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            private boolean first = true;

            @Override
            public int available() {
                if (first) {
                    first = false;
                    return announced;
                }
                return 0;
            }
        };
    }
}
