using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>A zip whose bytes depend only on its entries: fixed order, fixed timestamps, forward-slash names.</summary>
    internal static class PackageZip
    {
        // The earliest time a zip entry can carry; a clock reading would make every build differ.
        private static readonly DateTimeOffset EntryTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public static byte[] Create(IEnumerable<(string Name, byte[] Content)> entries)
        {
            using var buffer = new MemoryStream();
            using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, content) in entries)
                {
                    var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime;
                    using var stream = entry.Open();
                    stream.Write(content, 0, content.Length);
                }
            }
            return buffer.ToArray();
        }
    }
}
