using System;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// The one RSA key codec, written over System.Formats.Asn1 so it runs on .NET Framework 4.7.2 (which has no
    /// PEM or PKCS#8 support) exactly as on .NET 8: PKCS#1 RSAPrivateKey, PKCS#8 PrivateKeyInfo, encrypted PKCS#8
    /// (PBES2), SubjectPublicKeyInfo, to and from <see cref="RSAParameters"/>.
    /// Failures are <see cref="KeyException"/>s that name the problem, never the bytes.
    /// </summary>
    public static class RsaKeyCodec
    {
        /// <summary>PBKDF2 iterations for keys we encrypt (OWASP 2023 figure for PBKDF2-HMAC-SHA256).</summary>
        public const int DefaultPbkdf2Iterations = 600_000;

        private const string DefaultSource = "key";

        // ---- PKCS#1 RSAPrivateKey (BEGIN RSA PRIVATE KEY) ----

        /// <summary>Reads a DER PKCS#1 RSAPrivateKey.</summary>
        public static RSAParameters ReadPkcs1PrivateKey(byte[] der) => ReadPkcs1PrivateKey(der, DefaultSource);

        internal static RSAParameters ReadPkcs1PrivateKey(ReadOnlyMemory<byte> der, string source)
        {
            try
            {
                var outer = new AsnReader(der, AsnEncodingRules.BER);
                var seq = outer.ReadSequence();
                if (!seq.TryReadInt32(out var version) || version != 0)
                    throw KeyErrors.Unreadable(source, "the PKCS#1 key has an unsupported version (multi-prime keys are not supported)");
                var modulus = Unsigned(seq.ReadIntegerBytes());
                var exponent = Unsigned(seq.ReadIntegerBytes());
                var d = Unsigned(seq.ReadIntegerBytes());
                var p = Unsigned(seq.ReadIntegerBytes());
                var q = Unsigned(seq.ReadIntegerBytes());
                var dp = Unsigned(seq.ReadIntegerBytes());
                var dq = Unsigned(seq.ReadIntegerBytes());
                var inverseQ = Unsigned(seq.ReadIntegerBytes());
                seq.ThrowIfNotEmpty();

                // Windows' CNG and CAPI import only fixed-width fields: D as long as the modulus, the CRT parts half as long.
                var half = (modulus.Length + 1) / 2;
                return new RSAParameters
                {
                    Modulus = modulus,
                    Exponent = exponent,
                    D = PadLeft(d, modulus.Length),
                    P = PadLeft(p, half),
                    Q = PadLeft(q, half),
                    DP = PadLeft(dp, half),
                    DQ = PadLeft(dq, half),
                    InverseQ = PadLeft(inverseQ, half),
                };
            }
            catch (AsnContentException e)
            {
                throw KeyErrors.Unreadable(source, "the RSA private key structure is damaged", e);
            }
        }

        /// <summary>Writes a DER PKCS#1 RSAPrivateKey (byte for byte what .NET's ExportRSAPrivateKey writes).</summary>
        public static byte[] WritePkcs1PrivateKey(RSAParameters key)
        {
            RequirePrivate(key);
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                WriteUnsigned(writer, key.Modulus);
                WriteUnsigned(writer, key.Exponent);
                WriteUnsigned(writer, key.D);
                WriteUnsigned(writer, key.P);
                WriteUnsigned(writer, key.Q);
                WriteUnsigned(writer, key.DP);
                WriteUnsigned(writer, key.DQ);
                WriteUnsigned(writer, key.InverseQ);
            }
            return writer.Encode();
        }

        // ---- PKCS#8 PrivateKeyInfo (BEGIN PRIVATE KEY) ----

        /// <summary>Reads a DER PKCS#8 PrivateKeyInfo holding an RSA key; other key types are a KeyNotRsa error.</summary>
        public static RSAParameters ReadPkcs8PrivateKey(byte[] der) => ReadPkcs8PrivateKey(der, DefaultSource);

        internal static RSAParameters ReadPkcs8PrivateKey(ReadOnlyMemory<byte> der, string source)
        {
            ReadOnlyMemory<byte> inner;
            try
            {
                var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
                if (!seq.TryReadInt32(out var version) || (version != 0 && version != 1))
                    throw KeyErrors.Unreadable(source, "the PKCS#8 key has an unsupported version");
                var algorithm = seq.ReadSequence();
                var oid = algorithm.ReadObjectIdentifier();
                if (oid != Oids.Rsa) throw KeyErrors.NotRsa(source, Oids.KeyTypeName(oid));
                inner = seq.ReadOctetString();
            }
            catch (AsnContentException e)
            {
                throw KeyErrors.Unreadable(source, "the PKCS#8 private key structure is damaged", e);
            }
            return ReadPkcs1PrivateKey(inner, source);
        }

        /// <summary>Writes a DER PKCS#8 PrivateKeyInfo (byte for byte what .NET's ExportPkcs8PrivateKey writes).</summary>
        public static byte[] WritePkcs8PrivateKey(RSAParameters key)
        {
            var pkcs1 = WritePkcs1PrivateKey(key);
            try
            {
                var writer = new AsnWriter(AsnEncodingRules.DER);
                using (writer.PushSequence())
                {
                    writer.WriteInteger(0);
                    WriteRsaAlgorithm(writer);
                    writer.WriteOctetString(pkcs1);
                }
                return writer.Encode();
            }
            finally
            {
                Array.Clear(pkcs1, 0, pkcs1.Length);
            }
        }

        // ---- Encrypted PKCS#8 (BEGIN ENCRYPTED PRIVATE KEY) ----

        /// <summary>Decrypts a DER EncryptedPrivateKeyInfo (PBES2: PBKDF2 HMAC-SHA1/256/384/512, AES-CBC or 3DES-CBC).</summary>
        public static RSAParameters ReadEncryptedPkcs8PrivateKey(byte[] der, string? password) =>
            ReadEncryptedPkcs8PrivateKey(der, password, DefaultSource);

        internal static RSAParameters ReadEncryptedPkcs8PrivateKey(ReadOnlyMemory<byte> der, string? password, string source)
        {
            if (password == null) throw KeyErrors.PasswordRequired(source);
            ReadOnlyMemory<byte> algorithm;
            byte[] cipherText;
            try
            {
                var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
                algorithm = seq.ReadEncodedValue();
                cipherText = seq.ReadOctetString();
            }
            catch (AsnContentException e)
            {
                throw KeyErrors.Unreadable(source, "the encrypted PKCS#8 structure is damaged", e);
            }

            byte[] plain;
            try
            {
                plain = Pbes2.Decrypt(algorithm, cipherText, password);
            }
            catch (NotSupportedException e)
            {
                throw KeyErrors.Unreadable(source, e.Message);
            }
            catch (AsnContentException e)
            {
                throw KeyErrors.Unreadable(source, "the encryption parameters are damaged", e);
            }
            catch (CryptographicException e)
            {
                throw KeyErrors.PasswordIncorrect(source, e);
            }

            try
            {
                return ReadPkcs8PrivateKey(plain, source);
            }
            catch (KeyException e) when (e.ErrorId == KeyErrorIds.KeyUnreadable)
            {
                // Padding checks let about one wrong password in 256 through; the garbage then fails to parse.
                throw KeyErrors.PasswordIncorrect(source);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        /// <summary>Writes a DER EncryptedPrivateKeyInfo: PBES2, PBKDF2-HMAC-SHA256 with a 16-byte salt, AES-256-CBC.</summary>
        public static byte[] WriteEncryptedPkcs8PrivateKey(RSAParameters key, string password, int iterations = DefaultPbkdf2Iterations)
        {
            if (password == null) throw new ArgumentNullException(nameof(password));
            if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations));
            var pkcs8 = WritePkcs8PrivateKey(key);
            try
            {
                return WriteEncryptedPrivateKeyInfo(pkcs8, password, iterations);
            }
            finally
            {
                Array.Clear(pkcs8, 0, pkcs8.Length);
            }
        }

        internal static byte[] WriteEncryptedPrivateKeyInfo(byte[] pkcs8, string password, int iterations)
        {
            var algorithm = new AsnWriter(AsnEncodingRules.DER);
            var cipherText = Pbes2.EncryptAes256(pkcs8, password, iterations, algorithm);
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteEncodedValue(algorithm.Encode());
                writer.WriteOctetString(cipherText);
            }
            return writer.Encode();
        }

        // ---- Public keys ----

        /// <summary>Reads a SubjectPublicKeyInfo (BEGIN PUBLIC KEY); only the modulus and exponent are set.</summary>
        public static RSAParameters ReadSubjectPublicKeyInfo(byte[] der)
        {
            try
            {
                var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
                var algorithm = seq.ReadSequence();
                var oid = algorithm.ReadObjectIdentifier();
                if (oid != Oids.Rsa) throw KeyErrors.NotRsa("public key", Oids.KeyTypeName(oid));
                var bits = seq.ReadBitString(out _);
                var rsa = new AsnReader(bits, AsnEncodingRules.BER).ReadSequence();
                var result = new RSAParameters
                {
                    Modulus = Unsigned(rsa.ReadIntegerBytes()),
                    Exponent = Unsigned(rsa.ReadIntegerBytes()),
                };
                rsa.ThrowIfNotEmpty();
                return result;
            }
            catch (AsnContentException e)
            {
                throw KeyErrors.Unreadable("public key", "the SubjectPublicKeyInfo structure is damaged", e);
            }
        }

        /// <summary>Writes a DER SubjectPublicKeyInfo (BEGIN PUBLIC KEY).</summary>
        public static byte[] WriteSubjectPublicKeyInfo(RSAParameters key)
        {
            var rsa = new AsnWriter(AsnEncodingRules.DER);
            using (rsa.PushSequence())
            {
                WriteUnsigned(rsa, key.Modulus);
                WriteUnsigned(rsa, key.Exponent);
            }
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                WriteRsaAlgorithm(writer);
                writer.WriteBitString(rsa.Encode());
            }
            return writer.Encode();
        }

        // ---- PEM ----

        /// <summary>
        /// The private key as PEM text: PKCS#8 (BEGIN PRIVATE KEY), PKCS#1 (BEGIN RSA PRIVATE KEY), or, when a password
        /// is given, encrypted PKCS#8 (BEGIN ENCRYPTED PRIVATE KEY, PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC).
        /// </summary>
        public static string ExportPem(RSAParameters key, PrivateKeyFormat format, string? password = null,
            int iterations = DefaultPbkdf2Iterations)
        {
            byte[] der;
            string label;
            if (password != null)
            {
                der = WriteEncryptedPkcs8PrivateKey(key, password, iterations);
                label = PemLabels.EncryptedPrivateKey;
            }
            else if (format == PrivateKeyFormat.Pkcs1)
            {
                der = WritePkcs1PrivateKey(key);
                label = PemLabels.RsaPrivateKey;
            }
            else
            {
                der = WritePkcs8PrivateKey(key);
                label = PemLabels.PrivateKey;
            }
            try
            {
                return Pem.Write(label, der);
            }
            finally
            {
                Array.Clear(der, 0, der.Length);
            }
        }

        /// <summary>The public key as PEM (BEGIN PUBLIC KEY).</summary>
        public static string ExportPublicKeyPem(RSAParameters key) => Pem.Write(PemLabels.PublicKey, WriteSubjectPublicKeyInfo(key));

        /// <summary>Reads the private key from PEM text (any of the formats above; a certificate beside it is skipped).</summary>
        public static RSAParameters ImportPem(string pemText, string? password = null) =>
            KeyContentReader.ReadPemText(pemText ?? throw new ArgumentNullException(nameof(pemText)), password, "key text");

        // ---- helpers ----

        private static void WriteRsaAlgorithm(AsnWriter writer)
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.Rsa);
                writer.WriteNull();
            }
        }

        // RSAParameters pad D and the CRT parts to fixed widths; DER wants the minimal encoding, so drop leading zeros.
        private static void WriteUnsigned(AsnWriter writer, byte[]? value)
        {
            var span = new ReadOnlySpan<byte>(value ?? throw new ArgumentException("An RSA key part is missing."));
            var start = 0;
            while (start < span.Length - 1 && span[start] == 0) start++;
            writer.WriteIntegerUnsigned(span.Slice(start));
        }

        private static void RequirePrivate(RSAParameters key)
        {
            if (key.Modulus == null || key.Exponent == null || key.D == null || key.P == null || key.Q == null
                || key.DP == null || key.DQ == null || key.InverseQ == null)
                throw new ArgumentException("The RSA parameters hold no private key (export them with includePrivateParameters: true).", nameof(key));
        }

        private static byte[] Unsigned(ReadOnlyMemory<byte> integer)
        {
            var span = integer.Span;
            if (span.Length > 0 && (span[0] & 0x80) != 0)
                throw new AsnContentException("A negative integer in an RSA key.");
            var start = 0;
            while (start < span.Length - 1 && span[start] == 0) start++;
            return span.Slice(start).ToArray();
        }

        private static byte[] PadLeft(byte[] value, int length)
        {
            if (value.Length >= length) return value;
            var padded = new byte[length];
            Buffer.BlockCopy(value, 0, padded, length - value.Length, value.Length);
            return padded;
        }

        internal static int KeySizeInBits(RSAParameters key)
        {
            var modulus = key.Modulus ?? Array.Empty<byte>();
            var bits = modulus.Length * 8;
            for (var i = 0; i < modulus.Length && modulus[i] == 0; i++) bits -= 8;
            if (modulus.Length > 0)
            {
                var top = modulus[0];
                for (var mask = 0x80; mask > 0 && (top & mask) == 0; mask >>= 1) bits--;
            }
            return bits;
        }
    }
}
