using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.IO;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Writes a certificate and its key as files, all or nothing: every target is checked before anything is
    /// written, all contents are staged as temporary files first, and a failure while putting them in place
    /// removes the new files and restores any old ones that -Force was replacing.
    /// </summary>
    public static class CertificateFileWriter
    {
        public const string KeyExtension = ".key";
        public const string CertificateExtension = ".crt";
        public const string PfxExtension = ".pfx";

        /// <summary>The absolute paths the request would write, in write order (key, certificate, PFX); for -WhatIf.</summary>
        public static IReadOnlyList<string> GetTargetPaths(CertificateFileRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var directory = KeyPaths.FullPath(string.IsNullOrWhiteSpace(request.Directory) ? "." : request.Directory, "folder");
            var baseName = ValidBaseName(request.BaseName);
            var paths = new List<string>
            {
                Path.Combine(directory, baseName + KeyExtension),
                Path.Combine(directory, baseName + CertificateExtension),
            };
            if (request.PfxPassword != null) paths.Add(Path.Combine(directory, baseName + PfxExtension));
            return paths;
        }

        /// <summary>
        /// The paths <see cref="Write"/> would write (as <see cref="GetTargetPaths"/>), after refusing what cannot be written
        /// as asked: an encrypted key in PKCS#1 (an encrypted key is always PKCS#8), an empty password, a bad path or base
        /// name. Call it before generating a key, so a bad request costs nothing; <see cref="Write"/> calls it too.
        /// </summary>
        public static IReadOnlyList<string> Plan(CertificateFileRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (request.KeyPassword != null && request.KeyFormat == PrivateKeyFormat.Pkcs1) throw KeyErrors.EncryptedPkcs1NotSupported();
            if (request.KeyPassword?.Length == 0) throw KeyErrors.PasswordEmpty("-KeyPassword", "to write an unencrypted key");
            if (request.PfxPassword?.Length == 0) throw KeyErrors.PasswordEmpty("-PfxPassword", "to write no PFX");
            return GetTargetPaths(request);
        }

        /// <summary>The target paths that already exist (files or folders); empty means Write will not need -Force.</summary>
        public static IReadOnlyList<string> FindExistingTargets(CertificateFileRequest request)
        {
            var existing = new List<string>();
            foreach (var path in GetTargetPaths(request))
                if (File.Exists(path) || Directory.Exists(path)) existing.Add(path);
            return existing;
        }

        /// <summary>Writes &lt;BaseName&gt;.key (owner-only), .crt, and .pfx (owner-only) when a PFX password is set.</summary>
        public static CertificateFiles Write(X509Certificate2 certificateWithKey, CertificateFileRequest request) =>
            Write(certificateWithKey, request, beforeCommit: null);

        /// <param name="beforeCommit">Test seam: runs before each staged file is renamed onto its target.</param>
        internal static CertificateFiles Write(X509Certificate2 certificateWithKey, CertificateFileRequest request, Action<string>? beforeCommit)
        {
            if (certificateWithKey == null) throw new ArgumentNullException(nameof(certificateWithKey));
            var targets = Plan(request);
            CheckTargets(targets, request.Force);

            var contents = BuildContents(certificateWithKey, request, targets);
            var directory = Path.GetDirectoryName(targets[0])!;
            var createdDirectory = false;
            var staged = new List<string>();
            var committed = new List<string>();
            var backups = new List<(string Backup, string Target)>();
            var current = targets[0];
            try
            {
                if (!Directory.Exists(directory))
                {
                    Directory.CreateDirectory(directory);
                    createdDirectory = true;
                }
                foreach (var (path, bytes, ownerOnly) in contents)
                {
                    current = path;
                    staged.Add(AtomicFile.WriteTemporarySibling(path, bytes, ownerOnly));
                }
                for (var i = 0; i < contents.Count; i++)
                {
                    current = contents[i].Path;
                    beforeCommit?.Invoke(current);
                    if (File.Exists(current))
                    {
                        var backup = Path.Combine(directory, "." + Path.GetFileName(current) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".bak");
                        File.Move(current, backup);
                        backups.Add((backup, current));
                    }
                    AtomicFile.Commit(staged[i], current, overwrite: false);
                    committed.Add(current);
                }
            }
            catch (Exception e)
            {
                RollBack(staged, committed, backups, createdDirectory ? directory : null);
                if (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is System.Security.SecurityException)
                    throw KeyErrors.WriteFailed(current, e);
                throw;
            }
            finally
            {
                foreach (var (_, bytes, _) in contents) Array.Clear(bytes, 0, bytes.Length);
            }
            foreach (var (backup, _) in backups) AtomicFile.TryDelete(backup);

            using var rsa = certificateWithKey.GetRSAPrivateKey();
            return new CertificateFiles
            {
                KeyPath = targets[0],
                CertificatePath = targets[1],
                PfxPath = targets.Count > 2 ? targets[2] : null,
                Thumbprint = certificateWithKey.Thumbprint,
                Subject = certificateWithKey.Subject,
                SerialNumber = certificateWithKey.SerialNumber,
                NotBefore = certificateWithKey.NotBefore.ToUniversalTime(),
                NotAfter = certificateWithKey.NotAfter.ToUniversalTime(),
                KeySize = rsa?.KeySize ?? 0,
                KeyFormat = request.KeyFormat,
                KeyEncrypted = request.KeyPassword != null,
            };
        }

        private static void CheckTargets(IReadOnlyList<string> targets, bool force)
        {
            var existing = new List<string>();
            foreach (var path in targets)
            {
                if (Directory.Exists(path)) throw KeyErrors.TargetIsDirectory(path);
                if (File.Exists(path)) existing.Add(path);
            }
            if (existing.Count > 0 && !force) throw KeyErrors.FilesExist(existing);
        }

        private static List<(string Path, byte[] Bytes, bool OwnerOnly)> BuildContents(
            X509Certificate2 certificate, CertificateFileRequest request, IReadOnlyList<string> targets)
        {
            var origin = KeyOrigin.Certificate(certificate);
            if (!certificate.HasPrivateKey) throw KeyErrors.CertificateHasNoPrivateKey(origin);
            RSAParameters key;
            using (var rsa = certificate.GetRSAPrivateKey())
            {
                if (rsa == null) throw KeyErrors.NotRsa(origin, Oids.KeyTypeName(certificate.PublicKey.Oid?.Value ?? "?"));
                try
                {
                    key = rsa.ExportParameters(includePrivateParameters: true);
                }
                catch (CryptographicException e)
                {
                    throw KeyErrors.KeyNotExportable(origin, e);
                }
            }

            var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var contents = new List<(string, byte[], bool)>
            {
                (targets[0], utf8.GetBytes(RsaKeyWriter.ExportPem(key, request.KeyFormat, request.KeyPassword)), true),
                (targets[1], utf8.GetBytes(Pem.Write(PemLabels.Certificate, certificate.RawData)), false),
            };
            if (request.PfxPassword != null)
                contents.Add((targets[2], Pkcs12Writer.Write(certificate, key, request.PfxPassword), true));
            foreach (var part in new[] { key.D, key.P, key.Q, key.DP, key.DQ, key.InverseQ })
                if (part != null) Array.Clear(part, 0, part.Length);
            return contents;
        }

        private static void RollBack(List<string> staged, List<string> committed, List<(string Backup, string Target)> backups, string? createdDirectory)
        {
            foreach (var path in committed) AtomicFile.TryDelete(path);
            foreach (var (backup, target) in backups)
            {
                try { if (!File.Exists(target)) File.Move(backup, target); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            foreach (var temp in staged) AtomicFile.TryDelete(temp);
            if (createdDirectory != null)
            {
                try { if (Directory.GetFileSystemEntries(createdDirectory).Length == 0) Directory.Delete(createdDirectory); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }

        private static string ValidBaseName(string? baseName)
        {
            var name = (baseName ?? string.Empty).Trim();
            if (name.Length == 0 || name == "." || name == ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
                || name.IndexOf('/') >= 0 || name.IndexOf('\\') >= 0)
                throw KeyErrors.InvalidFileName(baseName ?? string.Empty);
            return name;
        }
    }
}
