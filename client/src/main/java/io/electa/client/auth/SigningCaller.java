package io.electa.client.auth;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.electa.common.v1.Access;
import io.electa.common.v1.Role;
import io.electa.common.v1.Target;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * A caller holding the token signing key itself (local runs, the demo, tests about what the
 * services do rather than who may ask): every call carries a token it signs with whatever the
 * RPC's access option (access.proto) needs for the request: the unscoped roles, plus the clerk of
 * the request's station, the commission of its district or the observer of its accreditation
 * where the option names such a target. Whoever holds the identity provider's key can be anyone,
 * so this is only for keys of local runs; the services still verify every token and check every
 * scope. A call that carries its own credentials is left alone. The call starts when its first
 * message is sent, once the token can be chosen.
 */
public final class SigningCaller implements ClientInterceptor {
    private static final Set<Role> UNSCOPED = EnumSet.of(Role.COMMISSION_ADMIN, Role.REGISTRAR,
            Role.TALLY_SUPERVISOR, Role.ACCREDITATION_OFFICER, Role.AUDITOR);

    private static final Duration VALIDITY = Duration.ofHours(12);
    /** Longer than any code or id the contract accepts: not signed into a token (the service refuses it). */
    private static final int MAX_SCOPE = 64;

    private final TokenSigner signer;
    private final String subject;
    private final Map<Grant, String> tokens = new ConcurrentHashMap<>();
    /** Each method's access option, read once. */
    private final Map<String, Optional<Access>> access = new ConcurrentHashMap<>();

    /** Signs with {@code signer} tokens of {@code subject}. */
    public SigningCaller(TokenSigner signer, String subject) {
        this.signer = signer;
        this.subject = subject;
    }

    /** The token for {@code grant} (the same one for the same grant). */
    public String token(Grant grant) {
        return tokens.computeIfAbsent(grant, g -> signer.issue(subject, g, VALIDITY));
    }

    /**
     * Signs now the token a call of {@code method} with {@code request} will carry (the same one
     * for the same grant), as a clerk's device gets its token before the polls open rather than
     * with its first mark.
     */
    public String tokenFor(MethodDescriptor<?, ?> method, Message request) {
        return token(grantFor(accessOf(method), request));
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        if (options.getCredentials() != null) {
            return next.newCall(method, options);
        }
        return new DeferredStart<>(next.newCall(method, options), accessOf(method), method, this);
    }

    private Access accessOf(MethodDescriptor<?, ?> method) {
        return access.computeIfAbsent(method.getFullMethodName(), name -> Optional.ofNullable(
                AccessOptions.of(method))).orElse(null);
    }

    /**
     * The grant that {@code access} admits for {@code request}: the scoped roles of its targets
     * too, scoped to what the request names (nothing where it names nothing, so that a request
     * the service refuses as invalid is refused for that, not for the caller).
     */
    static Grant grantFor(Access access, Message request) {
        Set<Role> roles = EnumSet.copyOf(UNSCOPED);
        String station = null;
        String district = null;
        String accreditation = null;
        if (access != null) {
            for (Target target : access.getTargetsList()) {
                String given = request == null ? null : FieldPaths.valueAt(request, target.getField());
                String value = given == null || given.isEmpty() || given.length() > MAX_SCOPE ? null : given;
                switch (target.getKind()) {
                    case STATION -> {
                        roles.add(Role.STATION_CLERK);
                        station = value;
                    }
                    case DISTRICT -> {
                        roles.add(Role.DISTRICT_COMMISSION);
                        district = value;
                    }
                    case ACCREDITATION -> {
                        roles.add(Role.OBSERVER);
                        accreditation = value;
                    }
                    default -> { }
                }
            }
        }
        return new Grant(roles, station, district, accreditation);
    }

    /** A call whose start (and so its headers) waits for the first message. */
    private static final class DeferredStart<Q, A> extends ClientCall<Q, A> {
        private final ClientCall<Q, A> delegate;
        private final Access access;
        private final Descriptors.Descriptor input;
        private final SigningCaller caller;
        private final boolean clientStreams;
        private Listener<A> listener;
        private Metadata headers;
        private int requested;
        private boolean started;

        DeferredStart(ClientCall<Q, A> delegate, Access access, MethodDescriptor<Q, A> method, SigningCaller caller) {
            this.delegate = delegate;
            this.access = access;
            this.input = method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier
                    ? supplier.getMethodDescriptor().getInputType() : null;
            this.caller = caller;
            this.clientStreams = !method.getType().clientSendsOneMessage();
        }

        @Override
        public synchronized void start(Listener<A> listener, Metadata headers) {
            this.listener = new OneAtATime<>(listener);
            this.headers = headers;
            // A client that waits for readiness before its first message (flow-controlled streams)
            // is told it may send: the call is ready to take its first message, which starts it.
            // That onReady comes from another thread than the transport's callbacks, so every
            // callback goes through OneAtATime: gRPC promises a listener one callback at a time,
            // and a client's onReady that sends "the next message" relies on it. A call whose client
            // sends one message (unary, server streaming) sends it at once: no need to tell it.
            if (clientStreams) {
                ForkJoinPool.commonPool().execute(this::readyForFirstMessage);
            }
        }

        private void readyForFirstMessage() {
            synchronized (this) {
                if (started) {
                    return;
                }
            }
            listener.onReady();
        }

        @Override
        public synchronized void request(int count) {
            if (started) {
                delegate.request(count);
            } else {
                requested += count;
            }
        }

        @Override
        public synchronized void cancel(String message, Throwable cause) {
            startFor(null);
            delegate.cancel(message, cause);
        }

        @Override
        public synchronized void halfClose() {
            startFor(null);
            delegate.halfClose();
        }

        @Override
        public synchronized void sendMessage(Q message) {
            startFor(message);
            delegate.sendMessage(message);
        }

        @Override
        public synchronized boolean isReady() {
            return !started || delegate.isReady();
        }

        @Override
        public void setMessageCompression(boolean enabled) {
            delegate.setMessageCompression(enabled);
        }

        /** The first message as a protobuf message: as given, or decoded from raw bytes; null if neither. */
        private Message requestOf(Q first) {
            if (first instanceof Message request) {
                return request;
            }
            if (first instanceof byte[] bytes && input != null) {
                try {
                    return DynamicMessage.parseFrom(input, bytes);
                } catch (InvalidProtocolBufferException undecodable) {
                    return null;
                }
            }
            return null;
        }

        private void startFor(Q first) {
            if (started || listener == null) {
                return;
            }
            started = true;
            headers.put(BearerToken.AUTHORIZATION, BearerToken.header(caller.token(grantFor(access, requestOf(first)))));
            delegate.start(listener, headers);
            if (requested > 0) {
                delegate.request(requested);
            }
        }
    }

    /** A listener called one callback at a time, whichever thread calls. */
    private static final class OneAtATime<A> extends ClientCall.Listener<A> {
        private final ClientCall.Listener<A> listener;

        OneAtATime(ClientCall.Listener<A> listener) {
            this.listener = listener;
        }

        @Override
        public synchronized void onHeaders(Metadata headers) {
            listener.onHeaders(headers);
        }

        @Override
        public synchronized void onMessage(A message) {
            listener.onMessage(message);
        }

        @Override
        public synchronized void onClose(io.grpc.Status status, Metadata trailers) {
            listener.onClose(status, trailers);
        }

        @Override
        public synchronized void onReady() {
            listener.onReady();
        }
    }
}
