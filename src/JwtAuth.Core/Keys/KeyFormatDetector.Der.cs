using System.Formats.Asn1;

namespace JwtAuth.Core.Keys
{
    /// <summary>The DER half of the decision: which key, certificate or PFX structure the bytes have.</summary>
    internal static partial class KeyFormatDetector
    {
        private static KeyContent FromDer(byte[] der, KeyOrigin origin)
        {
            var format = DerFormat(der);
            return format == KeyFormat.NotAKey
                ? KeyContent.NotAKey(origin, "it is neither PEM text nor a DER key or PFX")
                : KeyContent.FromDer(format, der, origin);
        }

        private static KeyFormat DerFormat(byte[] der)
        {
            if (der.Length < 2 || der[0] != 0x30) return KeyFormat.NotAKey;
            try
            {
                var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
                var first = seq.PeekTag();
                if (first.HasSameClassAndValue(Asn1Tag.Integer)) return FormatStartingWithInteger(seq);
                if (first.HasSameClassAndValue(Asn1Tag.Sequence)) return FormatStartingWithSequence(seq);
            }
            catch (AsnContentException)
            {
            }
            return KeyFormat.NotAKey;
        }

        // PFX (version 3, then ContentInfo), PKCS#8 (version, AlgorithmIdentifier), SEC 1 EC (1, OCTET STRING),
        // or a run of INTEGERs: PKCS#1 private (9), DSA (6), PKCS#1 public (modulus and exponent).
        private static KeyFormat FormatStartingWithInteger(AsnReader seq)
        {
            var isSmall = seq.TryReadInt32(out var version);
            if (!isSmall) seq.ReadIntegerBytes();
            if (!seq.HasData) return KeyFormat.NotAKey;
            var second = seq.PeekTag();
            if (second.HasSameClassAndValue(Asn1Tag.Sequence))
            {
                if (!isSmall) return KeyFormat.NotAKey;
                return version == 3 && IsPfxContentInfo(seq) ? KeyFormat.Pfx : KeyFormat.Pkcs8PrivateKey;
            }
            if (second.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)) return version == 1 ? KeyFormat.EcPrivateKey : KeyFormat.NotAKey;
            if (!second.HasSameClassAndValue(Asn1Tag.Integer)) return KeyFormat.NotAKey;
            var integers = 1;
            while (seq.HasData && seq.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                seq.ReadIntegerBytes();
                integers++;
            }
            if (integers == 9 && isSmall && version == 0) return KeyFormat.Pkcs1PrivateKey;
            if (integers == 6 && isSmall && version == 0) return KeyFormat.DsaPrivateKey;
            if (integers == 2 && !isSmall) return KeyFormat.PublicKey;
            return KeyFormat.NotAKey;
        }

        private static bool IsPfxContentInfo(AsnReader seq)
        {
            try
            {
                var type = seq.ReadSequence().ReadObjectIdentifier();
                return type == Oids.Pkcs7Data || type == Oids.Pkcs7SignedData;
            }
            catch (AsnContentException)
            {
                return false;
            }
        }

        // SubjectPublicKeyInfo and EncryptedPrivateKeyInfo start with an AlgorithmIdentifier;
        // a certificate's tbsCertificate starts with [0] version or the serial number, then the signature algorithm.
        private static KeyFormat FormatStartingWithSequence(AsnReader seq)
        {
            var innerFirst = seq.ReadSequence().PeekTag();
            if (innerFirst.HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
            {
                if (!seq.HasData) return KeyFormat.NotAKey;
                var next = seq.PeekTag();
                if (next.HasSameClassAndValue(Asn1Tag.PrimitiveBitString)) return KeyFormat.PublicKey;
                if (next.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)) return KeyFormat.EncryptedPkcs8PrivateKey;
                return KeyFormat.NotAKey;
            }
            if (innerFirst.TagClass == TagClass.ContextSpecific || innerFirst.HasSameClassAndValue(Asn1Tag.Integer))
                return seq.HasData && seq.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence) ? KeyFormat.Certificate : KeyFormat.NotAKey;
            return KeyFormat.NotAKey;
        }
    }
}
