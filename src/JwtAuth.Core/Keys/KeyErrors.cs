using System;
using System.Collections.Generic;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Builds every <see cref="KeyException"/> in one place so the wording stays consistent.
    /// A <see cref="KeyOrigin"/> names the key in the message ("key file /abs/server.key", never content) and gives
    /// the error its target: the file's path or the certificate's thumbprint.
    /// </summary>
    internal static class KeyErrors
    {
        internal const int MinimumKeySize = 2048;

        public static KeyException FileNotFound(string path) => new KeyException(
            KeyErrorIds.KeyFileNotFound, JwtAuthErrorKind.ObjectNotFound,
            $"The key file '{path}' does not exist.",
            "Check the path; give the private key file (.key or .pfx) that belongs to the certificate uploaded to the connected app.",
            path, targetKind: KeyTargetKinds.KeyFile);

        public static KeyException PathIsDirectory(string path) => new KeyException(
            KeyErrorIds.KeyFileUnreadable, JwtAuthErrorKind.InvalidArgument,
            $"The key path '{path}' is a folder, not a file.",
            "Give the path of the private key file itself, e.g. server.key inside that folder.",
            path, targetKind: KeyTargetKinds.KeyFile);

        public static KeyException FileAccessDenied(string path, Exception inner) => new KeyException(
            KeyErrorIds.KeyFileUnreadable, JwtAuthErrorKind.PermissionDenied,
            $"The key file '{path}' cannot be read: permission denied.",
            "Run as the user who owns the key file, or give that user read access to it (keep it unreadable for others).",
            path, inner, KeyTargetKinds.KeyFile);

        public static KeyException FileReadFailed(string path, Exception inner) => new KeyException(
            KeyErrorIds.KeyFileUnreadable, JwtAuthErrorKind.ResourceUnavailable,
            $"The key file '{path}' cannot be read: {inner.GetType().Name}.",
            "Check that the file is not locked by another program and that the disk or share is reachable.",
            path, inner, KeyTargetKinds.KeyFile);

        public static KeyException FileTooLarge(KeyOrigin origin) => new KeyException(
            KeyErrorIds.KeyUnreadable, JwtAuthErrorKind.InvalidData,
            $"The {origin} is too large to be a key file.",
            "Give the PEM private key (.key) or PFX file, not another file.",
            origin.Target, targetKind: origin.TargetKind);

        public static KeyException Empty(KeyOrigin origin) => new KeyException(
            KeyErrorIds.KeyUnreadable, JwtAuthErrorKind.InvalidData,
            $"The {origin} is empty.",
            "Give the PEM private key (-----BEGIN PRIVATE KEY----- ...) or a PFX file; if it came from a pipeline secret, check that the secret is mapped into the job.",
            origin.Target, targetKind: origin.TargetKind);

        public static KeyException TextEmpty() => new KeyException(
            KeyErrorIds.KeyTextEmpty, JwtAuthErrorKind.InvalidArgument,
            "The key text is empty.",
            "Pass the PEM private key text; in a pipeline, check that the secret variable is mapped into the step's environment.");

        public static KeyException NotRenewable() => new KeyException(
            KeyErrorIds.KeyNotRenewable, JwtAuthErrorKind.InvalidOperation,
            "The key was given as text when the org was connected, so JwtAuth has no file or certificate to sign a new assertion with.",
            "Pass the key text again, or connect with a key file or certificate thumbprint so tokens can be renewed without it.");

        public static KeyException NotAPrivateKey(KeyOrigin origin, string whatItIs) => new KeyException(
            KeyErrorIds.NotAPrivateKey, JwtAuthErrorKind.InvalidData,
            $"The {origin} holds {whatItIs}, not a private key.",
            "Salesforce gets the certificate (.crt) in the connected app; JwtAuth needs the matching private key (.key, or the .pfx with its password).",
            origin.Target, targetKind: origin.TargetKind);

        public static KeyException PasswordRequired(KeyOrigin origin) => new KeyException(
            KeyErrorIds.KeyPasswordRequired, JwtAuthErrorKind.InvalidArgument,
            $"The {origin} is password-protected and no password was given.",
            "Pass the key's password with -KeyPassword (a SecureString, for example from a secret variable).",
            origin.Target, targetKind: origin.TargetKind);

        public static KeyException PasswordIncorrect(KeyOrigin origin, Exception? inner = null) => new KeyException(
            KeyErrorIds.KeyPasswordIncorrect, JwtAuthErrorKind.AuthenticationError,
            $"The password does not decrypt the {origin}.",
            "Check the password given with -KeyPassword (and that the secret holding it is the one for this key).",
            origin.Target, inner, origin.TargetKind);

        public static KeyException LegacyEncryptedPem(KeyOrigin origin) => new KeyException(
            KeyErrorIds.LegacyEncryptedPem, JwtAuthErrorKind.InvalidData,
            $"The {origin} uses the old OpenSSL PEM encryption (Proc-Type: 4,ENCRYPTED), which JwtAuth does not read.",
            "Convert it once to encrypted PKCS#8: 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key', or remove the password: 'openssl rsa -in old.key -out new.key'.",
            origin.Target, targetKind: origin.TargetKind);

        public static KeyException TooSmall(KeyOrigin origin, int bits) => new KeyException(
            KeyErrorIds.KeyTooSmall, JwtAuthErrorKind.InvalidData,
            $"The {origin} is a {bits}-bit RSA key; Salesforce needs RSA keys of at least {MinimumKeySize} bits.",
            "Create a new key and certificate (New-SfCertificate, 2048 bits or more) and upload the new certificate to the connected app.",
            origin.Target, targetKind: origin.TargetKind);

        public static KeyException NotRsa(KeyOrigin origin, string keyType) => new KeyException(
            KeyErrorIds.KeyNotRsa, JwtAuthErrorKind.InvalidData,
            $"The {origin} holds a key of type {keyType}, not RSA; Salesforce signs JWT bearer assertions only with RSA keys (RS256).",
            "Create an RSA key and certificate (New-SfCertificate) and upload the new certificate to the connected app.",
            origin.Target, targetKind: origin.TargetKind);

        public static KeyException Unreadable(KeyOrigin origin, string why, Exception? inner = null) => new KeyException(
            KeyErrorIds.KeyUnreadable, JwtAuthErrorKind.InvalidData,
            $"The {origin} cannot be read as an RSA private key: {why}.",
            "Give a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY, optionally encrypted PKCS#8) or a PFX/P12 file; check that the file or secret was copied whole.",
            origin.Target, inner, origin.TargetKind);

        public static KeyException CertificateNotFound(string thumbprint, IEnumerable<string> stores) => new KeyException(
            KeyErrorIds.CertificateNotFound, JwtAuthErrorKind.ObjectNotFound,
            $"No certificate with thumbprint {thumbprint} is in {string.Join(" or ", stores)}.",
            "Import the .pfx (certificate with its private key) into Cert:\\CurrentUser\\My, or check the thumbprint (Get-ChildItem Cert:\\CurrentUser\\My).",
            thumbprint, targetKind: KeyTargetKinds.Thumbprint);

        public static KeyException CertificateHasNoPrivateKey(KeyOrigin origin) => new KeyException(
            KeyErrorIds.CertificateHasNoPrivateKey, JwtAuthErrorKind.InvalidData,
            $"The {origin} has no private key.",
            "Import the .pfx (certificate together with its private key), not the .crt, or give the key file instead.",
            origin.Target, targetKind: origin.TargetKind);

        public static KeyException InvalidThumbprint(string given) => new KeyException(
            KeyErrorIds.InvalidThumbprint, JwtAuthErrorKind.InvalidArgument,
            "The thumbprint is not 40 hexadecimal characters.",
            "Copy the certificate's SHA-1 thumbprint, e.g. from Get-ChildItem Cert:\\CurrentUser\\My.",
            given, targetKind: KeyTargetKinds.Thumbprint);

        public static KeyException InvalidKeySize(int bits) => new KeyException(
            KeyErrorIds.InvalidKeySize, JwtAuthErrorKind.InvalidArgument,
            $"{bits} is not a supported RSA key size.",
            "Use 2048 (default), 3072 or 4096.",
            bits, targetKind: KeyTargetKinds.Value);

        public static KeyException InvalidCommonName(string why) => new KeyException(
            KeyErrorIds.InvalidCommonName, JwtAuthErrorKind.InvalidArgument,
            $"The certificate common name {why}.",
            "Give a name of 1 to 64 characters, e.g. the connected app's name.");

        public static KeyException InvalidValidity(int days) => new KeyException(
            KeyErrorIds.InvalidValidity, JwtAuthErrorKind.InvalidArgument,
            $"{Plural.Of(days, "day")} is not a valid certificate lifetime.",
            "Give between 1 and 36500 days (Salesforce accepts any; 365 to 730 is common).",
            days, targetKind: KeyTargetKinds.Value);

        public static KeyException InvalidFileName(string name) => new KeyException(
            KeyErrorIds.InvalidFileName, JwtAuthErrorKind.InvalidArgument,
            $"'{name}' is not a valid base name for the key and certificate files.",
            "Give a plain file name without folder separators or extension, e.g. 'server'; choose the folder separately.",
            name, targetKind: KeyTargetKinds.FileName);

        public static KeyException KeyNotExportable(KeyOrigin origin, Exception inner) => new KeyException(
            KeyErrorIds.CertificateWriteFailed, JwtAuthErrorKind.InvalidOperation,
            $"The private key of {origin} cannot be exported, so no key file can be written.",
            "Create a new certificate with New-SfCertificate, which writes the key as it creates it.",
            origin.Target, inner, origin.TargetKind);

        public static KeyException FilesExist(IReadOnlyList<string> paths) => new KeyException(
            KeyErrorIds.CertificateFileExists, JwtAuthErrorKind.ResourceExists,
            $"Not written: {string.Join(", ", paths)} already exist{(paths.Count == 1 ? "s" : string.Empty)}; nothing was changed.",
            "Use -Force to overwrite, or choose another folder or base name.",
            paths.Count == 1 ? paths[0] : (object)paths, targetKind: KeyTargetKinds.Path);

        public static KeyException TargetIsDirectory(string path) => new KeyException(
            KeyErrorIds.CertificateWriteFailed, JwtAuthErrorKind.WriteError,
            $"Not written: '{path}' is a folder; nothing was changed.",
            "Choose another base name or folder.",
            path, targetKind: KeyTargetKinds.Path);

        public static KeyException WriteFailed(string path, Exception inner) => new KeyException(
            KeyErrorIds.CertificateWriteFailed, JwtAuthErrorKind.WriteError,
            $"Writing '{path}' failed ({inner.GetType().Name}: {inner.Message}); no new file was left behind and existing files were kept.",
            "Check that the folder exists and is writable, and that there is free space.",
            path, inner, KeyTargetKinds.Path);

        public static KeyException EncryptedPkcs1NotSupported() => new KeyException(
            KeyErrorIds.EncryptedPkcs1NotSupported, JwtAuthErrorKind.InvalidArgument,
            "-KeyFormat Pkcs1 cannot be combined with -KeyPassword: an encrypted key is written as PKCS#8 (BEGIN ENCRYPTED PRIVATE KEY), " +
            "PKCS#1 has no standard encrypted form. Nothing was written.",
            "Give -KeyFormat Pkcs8 (the default) to write the encrypted key, or leave out -KeyPassword to write an unencrypted PKCS#1 key.");

        /// <param name="parameter">The parameter that was empty, e.g. "-PfxPassword".</param>
        /// <param name="withoutIt">What leaving the parameter out does, e.g. "to write no PFX".</param>
        public static KeyException PasswordEmpty(string parameter, string withoutIt) => new KeyException(
            KeyErrorIds.PasswordEmpty, JwtAuthErrorKind.InvalidArgument,
            $"The password given with {parameter} is empty; an empty password protects nothing. Nothing was written.",
            $"Give a password that is not empty with {parameter}, or leave {parameter} out {withoutIt}.");

        /// <param name="what">What the path is for, e.g. "folder" or "key file".</param>
        public static KeyException InvalidPath(string path, string what, string why, Exception? inner = null) => new KeyException(
            KeyErrorIds.InvalidPath, JwtAuthErrorKind.InvalidArgument,
            $"The {what} path '{Shown(path)}' is not a valid path: {why}.",
            "Check the path for stray characters (e.g. pasted along with it) and give it again.",
            path, inner, KeyTargetKinds.Path);

        // A path with a NUL or another control character would cut or garble the message where it is printed.
        private static string Shown(string path)
        {
            var shown = new System.Text.StringBuilder(path.Length);
            foreach (var c in path)
                shown.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
            return shown.ToString();
        }
    }
}
