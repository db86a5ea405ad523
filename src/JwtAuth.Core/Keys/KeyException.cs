using System;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// A key or certificate could not be read, created or written. <see cref="JwtAuthException.ErrorId"/>
    /// is one of <see cref="KeyErrorIds"/>; the message names the problem and the fix and never holds key material.
    /// </summary>
    public sealed class KeyException : JwtAuthException
    {
        public KeyException(string errorId, JwtAuthErrorKind kind, string problem, string? fix = null,
            object? target = null, Exception? innerException = null, string? targetKind = null)
            : base(errorId, kind, problem, fix, target, innerException, targetKind)
        {
        }
    }

    /// <summary>Stable error ids of <see cref="KeyException"/>; scripts match on these.</summary>
    public static class KeyErrorIds
    {
        public const string KeyFileNotFound = nameof(KeyFileNotFound);
        public const string KeyFileUnreadable = nameof(KeyFileUnreadable);
        public const string NotAPrivateKey = nameof(NotAPrivateKey);
        public const string KeyPasswordRequired = nameof(KeyPasswordRequired);
        public const string KeyPasswordIncorrect = nameof(KeyPasswordIncorrect);
        public const string LegacyEncryptedPem = nameof(LegacyEncryptedPem);
        public const string KeyTooSmall = nameof(KeyTooSmall);
        public const string KeyNotRsa = nameof(KeyNotRsa);
        public const string KeyUnreadable = nameof(KeyUnreadable);
        public const string KeyTextEmpty = nameof(KeyTextEmpty);
        public const string KeyNotRenewable = nameof(KeyNotRenewable);
        public const string CertificateNotFound = nameof(CertificateNotFound);
        public const string CertificateHasNoPrivateKey = nameof(CertificateHasNoPrivateKey);
        public const string InvalidThumbprint = nameof(InvalidThumbprint);
        public const string InvalidKeySize = nameof(InvalidKeySize);
        public const string InvalidCommonName = nameof(InvalidCommonName);
        public const string InvalidValidity = nameof(InvalidValidity);
        public const string InvalidFileName = nameof(InvalidFileName);
        public const string CertificateFileExists = nameof(CertificateFileExists);
        public const string CertificateWriteFailed = nameof(CertificateWriteFailed);
        public const string EncryptedPkcs1NotSupported = nameof(EncryptedPkcs1NotSupported);
        public const string PasswordEmpty = nameof(PasswordEmpty);
        public const string InvalidPath = nameof(InvalidPath);
    }
}
