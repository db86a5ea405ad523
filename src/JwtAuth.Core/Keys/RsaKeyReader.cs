using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Reads RSA keys into <see cref="RSAParameters"/>, over System.Formats.Asn1 so .NET Framework 4.7.2 (which has
    /// no PEM or PKCS#8 support) reads exactly what .NET 8 reads: PKCS#1 RSAPrivateKey, PKCS#8 PrivateKeyInfo,
    /// encrypted PKCS#8 (PBES2, see <see cref="Pbes2"/>) and SubjectPublicKeyInfo. <see cref="RsaKeyWriter"/> writes them.
    /// Failures are <see cref="KeyException"/>s that name the problem, never the bytes.
    /// </summary>
    public static class RsaKeyReader
    {
        private static readonly KeyOrigin DefaultOrigin = KeyOrigin.Named("key");

        /// <summary>Reads a DER PKCS#1 RSAPrivateKey (BEGIN RSA PRIVATE KEY).</summary>
        public static RSAParameters ReadPkcs1PrivateKey(byte[] der) => ReadPkcs1PrivateKey(der, DefaultOrigin);

        internal static RSAParameters ReadPkcs1PrivateKey(ReadOnlyMemory<byte> der, KeyOrigin origin)
        {
            try
            {
                var outer = new AsnReader(der, AsnEncodingRules.BER);
                var seq = outer.ReadSequence();
                if (!seq.TryReadInt32(out var version) || version != 0)
                    throw KeyErrors.Unreadable(origin, "the PKCS#1 key has an unsupported version (multi-prime keys are not supported)");
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
                throw KeyErrors.Unreadable(origin, "the RSA private key structure is damaged", e);
            }
        }

        /// <summary>Reads a DER PKCS#8 PrivateKeyInfo (BEGIN PRIVATE KEY) holding an RSA key; other key types are a KeyNotRsa error.</summary>
        public static RSAParameters ReadPkcs8PrivateKey(byte[] der) => ReadPkcs8PrivateKey(der, DefaultOrigin);

        internal static RSAParameters ReadPkcs8PrivateKey(ReadOnlyMemory<byte> der, KeyOrigin origin)
        {
            ReadOnlyMemory<byte> inner;
            try
            {
                var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
                if (!seq.TryReadInt32(out var version) || (version != 0 && version != 1))
                    throw KeyErrors.Unreadable(origin, "the PKCS#8 key has an unsupported version");
                var algorithm = seq.ReadSequence();
                var oid = algorithm.ReadObjectIdentifier();
                if (oid != Oids.Rsa) throw KeyErrors.NotRsa(origin, Oids.KeyTypeName(oid));
                inner = seq.ReadOctetString();
            }
            catch (AsnContentException e)
            {
                throw KeyErrors.Unreadable(origin, "the PKCS#8 private key structure is damaged", e);
            }
            return ReadPkcs1PrivateKey(inner, origin);
        }

        /// <summary>Decrypts a DER EncryptedPrivateKeyInfo (PBES2: PBKDF2 HMAC-SHA1/256/384/512, AES-CBC or 3DES-CBC).</summary>
        public static RSAParameters ReadEncryptedPkcs8PrivateKey(byte[] der, string? password) =>
            ReadEncryptedPkcs8PrivateKey(der, password, DefaultOrigin);

        internal static RSAParameters ReadEncryptedPkcs8PrivateKey(ReadOnlyMemory<byte> der, string? password, KeyOrigin origin)
        {
            if (password == null) throw KeyErrors.PasswordRequired(origin);
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
                throw KeyErrors.Unreadable(origin, "the encrypted PKCS#8 structure is damaged", e);
            }

            byte[] plain;
            try
            {
                plain = Pbes2.Decrypt(algorithm, cipherText, password);
            }
            catch (NotSupportedException e)
            {
                throw KeyErrors.Unreadable(origin, e.Message);
            }
            catch (AsnContentException e)
            {
                throw KeyErrors.Unreadable(origin, "the encryption parameters are damaged", e);
            }
            catch (CryptographicException e)
            {
                throw KeyErrors.PasswordIncorrect(origin, e);
            }

            try
            {
                return ReadPkcs8PrivateKey(plain, origin);
            }
            catch (KeyException e) when (e.ErrorId == KeyErrorIds.KeyUnreadable)
            {
                // Padding checks let about one wrong password in 256 through; the garbage then fails to parse.
                throw KeyErrors.PasswordIncorrect(origin);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        /// <summary>Reads a SubjectPublicKeyInfo (BEGIN PUBLIC KEY); only the modulus and exponent are set.</summary>
        public static RSAParameters ReadSubjectPublicKeyInfo(byte[] der)
        {
            try
            {
                var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
                var algorithm = seq.ReadSequence();
                var oid = algorithm.ReadObjectIdentifier();
                if (oid != Oids.Rsa) throw KeyErrors.NotRsa(KeyOrigin.Named("public key"), Oids.KeyTypeName(oid));
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
                throw KeyErrors.Unreadable(KeyOrigin.Named("public key"), "the SubjectPublicKeyInfo structure is damaged", e);
            }
        }

        /// <summary>Reads the private key from PEM text (any of the formats above; a certificate beside it is skipped).</summary>
        public static RSAParameters ImportPem(string pemText, string? password = null) =>
            KeyDecoder.DecodePem(pemText ?? throw new ArgumentNullException(nameof(pemText)), password, KeyOrigin.Text());

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
    }
}
