using System;
using System.Formats.Asn1;

namespace JwtAuth.Core.Keys
{
    /// <summary>What a DER blob is, judged by its structure (files are recognised by content, not extension).</summary>
    internal enum DerKind
    {
        Unknown,
        Pkcs1PrivateKey,
        Pkcs8PrivateKey,
        EncryptedPkcs8PrivateKey,
        EcPrivateKey,
        DsaPrivateKey,
        SubjectPublicKeyInfo,
        Pkcs1PublicKey,
        Certificate,
        Pfx,
    }

    internal static class DerKinds
    {
        public static DerKind Identify(ReadOnlyMemory<byte> der)
        {
            if (der.Length < 2 || der.Span[0] != 0x30) return DerKind.Unknown;
            if (Pkcs12MacCheck.LooksLikePfx(der)) return DerKind.Pfx;
            try
            {
                var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
                var first = seq.PeekTag();
                if (first.HasSameClassAndValue(Asn1Tag.Integer))
                {
                    var isSmall = seq.TryReadInt32(out var version);
                    if (!isSmall) seq.ReadIntegerBytes();
                    if (!seq.HasData) return DerKind.Unknown;
                    var second = seq.PeekTag();
                    if (second.HasSameClassAndValue(Asn1Tag.Sequence)) return isSmall ? DerKind.Pkcs8PrivateKey : DerKind.Unknown;
                    if (second.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)) return version == 1 ? DerKind.EcPrivateKey : DerKind.Unknown;
                    if (!second.HasSameClassAndValue(Asn1Tag.Integer)) return DerKind.Unknown;
                    var integers = 1;
                    while (seq.HasData && seq.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
                    {
                        seq.ReadIntegerBytes();
                        integers++;
                    }
                    if (integers == 9 && isSmall && version == 0) return DerKind.Pkcs1PrivateKey;
                    if (integers == 6 && isSmall && version == 0) return DerKind.DsaPrivateKey;
                    if (integers == 2 && !isSmall) return DerKind.Pkcs1PublicKey;
                    return DerKind.Unknown;
                }
                if (first.HasSameClassAndValue(Asn1Tag.Sequence))
                {
                    var inner = seq.ReadSequence();
                    var innerFirst = inner.PeekTag();
                    if (innerFirst.HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
                    {
                        if (!seq.HasData) return DerKind.Unknown;
                        var next = seq.PeekTag();
                        if (next.HasSameClassAndValue(Asn1Tag.PrimitiveBitString)) return DerKind.SubjectPublicKeyInfo;
                        if (next.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)) return DerKind.EncryptedPkcs8PrivateKey;
                        return DerKind.Unknown;
                    }
                    // tbsCertificate starts with [0] version or the serial number, then the signature algorithm.
                    if (innerFirst.TagClass == TagClass.ContextSpecific || innerFirst.HasSameClassAndValue(Asn1Tag.Integer))
                        return seq.HasData && seq.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence) ? DerKind.Certificate : DerKind.Unknown;
                }
            }
            catch (AsnContentException)
            {
            }
            return DerKind.Unknown;
        }
    }
}
