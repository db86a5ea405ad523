using System;
using System.IO;
using System.Security.Cryptography;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// The store's 32-byte AES key for Linux and macOS: raw random bytes in <c>key.bin</c>, owner-only (0600).
    /// Created on the first token write (under the store lock); never created by a reader.
    /// </summary>
    internal sealed class StoreKeyFile
    {
        public const int KeyLength = 32;

        public StoreKeyFile(string path) => Path = path;

        public string Path { get; }

        /// <summary>The key, or null when the file is missing or not a key.</summary>
        public byte[]? TryLoad()
        {
            try
            {
                var bytes = StoreFiles.ReadAllBytes(Path);
                return bytes.Length == KeyLength ? bytes : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>True when a file is there but is not a usable key.</summary>
        public bool IsDamaged() => File.Exists(Path) && TryLoad() == null;

        /// <summary>Loads the key or writes a new one. A damaged key is replaced: nothing it protected could be read anyway.</summary>
        public byte[] LoadOrCreate()
        {
            var key = TryLoad();
            if (key != null) return key;
            key = new byte[KeyLength];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(key);
            StoreFiles.Replace(Path, key);
            return key;
        }
    }
}
