using System;
using System.IO;
using System.Runtime.InteropServices;

namespace JwtAuth.Loading
{
    /// <summary>
    /// Where the precompiled (ReadyToRun) copies of the dependencies are for one runtime and platform:
    /// ReadyToRun/net10.0-linux-x64 beside the plain Dependencies folder. An image is tied to both: .NET ignores
    /// code made for another major version, and an image for another OS or processor does not load at all.
    /// </summary>
    internal static class ReadyToRunImages
    {
        public const string FolderName = "ReadyToRun";

        /// <summary>The folder name for a runtime and platform, e.g. net10.0-win-x64; null for an OS we build no images for.</summary>
        public static string? PlatformFolder(int runtimeMajor, string? os, Architecture architecture) =>
            os is null ? null : $"net{runtimeMajor}.0-{os}-{architecture.ToString().ToLowerInvariant()}";

        /// <summary>The short OS name of runtime identifiers (win, linux, osx), or null for any other.</summary>
        public static string? CurrentOs()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "win";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return "linux";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "osx";
            return null;
        }

        /// <summary>
        /// The PE machine field of an image for that platform: the processor's, marked with the OS on Linux and macOS
        /// (so an image cannot pass for another OS's); null for a processor we build no images for.
        /// </summary>
        public static ushort? ImageMachine(string? os, Architecture architecture)
        {
            ushort? processor = architecture switch
            {
                Architecture.X64 => 0x8664,
                Architecture.Arm64 => 0xAA64,
                _ => null,
            };
            ushort? osMark = os switch
            {
                "win" => 0,
                "linux" => 0x7B79,
                "osx" => 0x4644,
                _ => null,
            };
            return processor is null || osMark is null ? null : (ushort)(processor.Value ^ osMark.Value);
        }

        /// <summary>
        /// The images for this process's runtime and platform under <paramref name="editionFolder"/>, or null when none
        /// were built for it or the folder holds images for another machine: such an image throws BadImageFormatException,
        /// and after that the load context refuses the plain assembly of the same name too, so it is never tried.
        /// </summary>
        public static string? FolderForThisProcess(string editionFolder)
        {
            var os = CurrentOs();
            var platform = PlatformFolder(Environment.Version.Major, os, RuntimeInformation.ProcessArchitecture);
            var machine = ImageMachine(os, RuntimeInformation.ProcessArchitecture);
            if (platform is null || machine is null) return null;
            var folder = Path.Combine(editionFolder, FolderName, platform);
            return Directory.Exists(folder) && AllImagesAreFor(folder, machine.Value) ? folder : null;
        }

        /// <summary>Every dll in <paramref name="folder"/> has <paramref name="machine"/> in its PE header (and there is at least one).</summary>
        public static bool AllImagesAreFor(string folder, ushort machine)
        {
            var files = Directory.GetFiles(folder, "*.dll");
            foreach (var file in files)
            {
                if (PeMachine(file) != machine) return false;
            }

            return files.Length > 0;
        }

        /// <summary>The COFF header's machine field, or null when the file is not a PE image.</summary>
        public static ushort? PeMachine(string path)
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            if (stream.Length < 0x40 || reader.ReadUInt16() != 0x5A4D) return null; // "MZ"
            stream.Position = 0x3C;
            var peHeader = reader.ReadInt32();
            if (peHeader < 0 || peHeader > stream.Length - 6) return null;
            stream.Position = peHeader;
            return reader.ReadUInt32() == 0x00004550 ? reader.ReadUInt16() : null; // "PE\0\0"
        }
    }
}
