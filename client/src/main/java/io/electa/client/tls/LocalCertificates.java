package io.electa.client.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of a local run or a test suite: a certificate authority made once in a folder
 * (never committed) and, for each identity (a service, or a back-office client), a certificate
 * it signs, usable as server and as client certificate, for the names {@code <identity>},
 * {@code localhost} and 127.0.0.1. Each identity's folder holds what cert-manager puts in a
 * Kubernetes TLS Secret: {@code tls.crt}, {@code tls.key} (PKCS#8 PEM) and {@code ca.crt}, so a
 * service reads the same files locally and in a cluster. ECDSA P-256 keys.
 */
public final class LocalCertificates {
    /** The certificate authority's certificate, in the folder and in every identity's folder. */
    public static final String CA = "ca.crt";
    /** An identity's certificate. */
    public static final String CERT = "tls.crt";
    /** An identity's private key. */
    public static final String KEY = "tls.key";
    private static final String CA_KEY = "ca.key";
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final Path folder;
    private final X509Certificate ca;
    private final PrivateKey caKey;

    private LocalCertificates(Path folder, X509Certificate ca, PrivateKey caKey) {
        this.folder = folder;
        this.ca = ca;
        this.caKey = caKey;
    }

    /** The authority kept in {@code folder}, made there on first use. */
    public static synchronized LocalCertificates in(Path folder) {
        try {
            Files.createDirectories(folder);
            Path cert = folder.resolve(CA);
            Path key = folder.resolve(CA_KEY);
            if (!Files.exists(cert) || !Files.exists(key)) {
                KeyPair pair = newKeyPair();
                X509Certificate ca = issue(new X500Name("CN=electa local CA " + folder.getFileName()), pair,
                        new X500Name("CN=electa local CA " + folder.getFileName()), pair.getPrivate(), null, true);
                writeSecret(key, pem(pair.getPrivate()));
                Files.writeString(cert, pem(ca));
            }
            return new LocalCertificates(folder, readCertificate(cert), readKey(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep local certificates in " + folder, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the local certificate authority", e);
        }
    }

    /**
     * The folder of {@code identity} (tls.crt, tls.key, ca.crt), with a certificate issued on
     * first use.
     */
    public synchronized Path identity(String identity) {
        Path dir = folder.resolve(identity);
        try {
            if (!Files.exists(dir.resolve(CERT)) || !Files.exists(dir.resolve(KEY))) {
                Files.createDirectories(dir);
                KeyPair pair = newKeyPair();
                X509Certificate cert = issue(new X500Name("CN=" + identity), pair,
                        new X500Name(ca.getSubjectX500Principal().getName()), caKey, identity, false);
                writeSecret(dir.resolve(KEY), pem(pair.getPrivate()));
                Files.writeString(dir.resolve(CERT), pem(cert));
                Files.writeString(dir.resolve(CA), pem(ca));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate of " + identity + " in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + identity, e);
        }
    }

    private static X509Certificate issue(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
            String dnsName, boolean authority) throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)), subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        if (authority) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, dnsName),
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object instanceof PrivateKey key
                    ? new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded()) : object);
        }
        return text.toString();
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // The folder's own permissions protect the key where the file system has no POSIX modes.
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
