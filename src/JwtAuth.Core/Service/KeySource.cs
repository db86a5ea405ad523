using System;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Keys;
using JwtAuth.Core.SfCli;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// Where a connect's signing key comes from. Loading is deferred so a bulk connect loads each
    /// distinct key once, and so a bad key fails every org that names it with the same clear error.
    /// </summary>
    public abstract class KeySource
    {
        public static KeySource FromFile(string absolutePath, string? password) => new FileKey(absolutePath, password);

        public static KeySource FromText(string text, string? password) => new TextKey(text, password);

        public static KeySource FromCertificate(X509Certificate2 certificate) => new CertificateKey(certificate);

        public static KeySource FromThumbprint(string thumbprint) => new ThumbprintKey(thumbprint);

        /// <summary>Two sources with the same identity load the same key.</summary>
        internal abstract string Identity { get; }

        internal abstract SfCliKeySource SfCliSource { get; }

        internal virtual string? FilePath => null;

        internal abstract SigningKey Load();

        private static string Digest(string value)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(value))).Replace("-", string.Empty);
        }

        private sealed class FileKey : KeySource
        {
            private readonly string _path;
            private readonly string? _password;

            public FileKey(string path, string? password)
            {
                _path = path;
                _password = password;
            }

            internal override string Identity => "file:" + _path + (_password is null ? string.Empty : ":with-password");
            internal override SfCliKeySource SfCliSource => SfCliKeySource.KeyFile;
            internal override string? FilePath => _path;
            internal override SigningKey Load() => SigningKeyLoader.FromFile(_path, _password);
        }

        private sealed class TextKey : KeySource
        {
            private readonly string _text;
            private readonly string? _password;
            private readonly string _identity;

            public TextKey(string text, string? password)
            {
                _text = text;
                _password = password;
                _identity = "text:" + Digest(text + "\0" + password);
            }

            // The same text piped for every org is one key. A digest, so the text itself is not kept in a second place.
            internal override string Identity => _identity;
            internal override SfCliKeySource SfCliSource => SfCliKeySource.PrivateKeyText;
            internal override SigningKey Load() => SigningKeyLoader.FromText(_text, _password);
        }

        private sealed class CertificateKey : KeySource
        {
            private readonly X509Certificate2 _certificate;

            public CertificateKey(X509Certificate2 certificate) => _certificate = certificate;

            internal override string Identity => "certificate:" + _certificate.Thumbprint;
            internal override SfCliKeySource SfCliSource => SfCliKeySource.Certificate;
            internal override SigningKey Load() => SigningKeyLoader.FromCertificate(_certificate);
        }

        private sealed class ThumbprintKey : KeySource
        {
            private readonly string _thumbprint;

            public ThumbprintKey(string thumbprint) => _thumbprint = thumbprint;

            internal override string Identity => "thumbprint:" + _thumbprint.ToUpperInvariant();
            internal override SfCliKeySource SfCliSource => SfCliKeySource.CertificateThumbprint;
            internal override SigningKey Load() => SigningKeyLoader.FromThumbprint(_thumbprint);
        }
    }
}
