using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using JwtAuth.Loading;

namespace JwtAuth.Core.Tests.Module;

/// <summary>
/// The precompiled copies of Core/Dependencies: named for a runtime and platform, one image per plain assembly with
/// the same identity, and code for the machine the folder names (a wrong one would not load at all).
/// </summary>
public class ReadyToRunImagesTests
{
    private static readonly string Edition = Path.Combine(StagedModule.Root, "Core");
    private static readonly string Plain = Path.Combine(Edition, "Dependencies");

    // ReadyToRun images for Linux and macOS mark their machine with an OS value (XOR), so an image cannot pass for another OS's.
    private static readonly Dictionary<string, Machine> MachineOf = new()
    {
        ["linux-x64"] = (Machine)((ushort)Machine.Amd64 ^ 0x7B79),
        ["win-x64"] = Machine.Amd64,
        ["osx-arm64"] = (Machine)((ushort)Machine.Arm64 ^ 0x4644),
    };

    [Theory]
    [InlineData(10, "linux", Architecture.X64, "net10.0-linux-x64")]
    [InlineData(10, "win", Architecture.X64, "net10.0-win-x64")]
    [InlineData(10, "osx", Architecture.Arm64, "net10.0-osx-arm64")]
    [InlineData(8, "linux", Architecture.Arm64, "net8.0-linux-arm64")]
    [InlineData(9, "win", Architecture.X86, "net9.0-win-x86")]
    public void A_folder_is_named_for_its_runtime_and_platform(int major, string os, Architecture architecture, string expected) =>
        Assert.Equal(expected, ReadyToRunImages.PlatformFolder(major, os, architecture));

    [Fact]
    public void No_folder_is_named_for_an_unknown_os() =>
        Assert.Null(ReadyToRunImages.PlatformFolder(10, null, Architecture.X64));

    [Theory]
    [InlineData("linux", Architecture.X64, "linux-x64")]
    [InlineData("win", Architecture.X64, "win-x64")]
    [InlineData("osx", Architecture.Arm64, "osx-arm64")]
    public void The_machine_an_image_must_have_is_the_one_crossgen2_writes(string os, Architecture architecture, string platform) =>
        Assert.Equal((ushort)MachineOf[platform], ReadyToRunImages.ImageMachine(os, architecture));

    [Fact]
    public void No_machine_is_expected_for_a_processor_or_os_without_images()
    {
        Assert.Null(ReadyToRunImages.ImageMachine("linux", Architecture.S390x));
        Assert.Null(ReadyToRunImages.ImageMachine(null, Architecture.X64));
    }

    [Fact]
    public void A_folder_holding_images_for_another_machine_is_not_used()
    {
        var edition = Directory.CreateTempSubdirectory("jwtauth-r2r.").FullName;
        try
        {
            var own = ReadyToRunImages.PlatformFolder(Environment.Version.Major, ReadyToRunImages.CurrentOs(), RuntimeInformation.ProcessArchitecture)!;
            var other = MachineOf.Keys.First(p => !own.EndsWith(p, StringComparison.Ordinal));
            var folder = Directory.CreateDirectory(Path.Combine(edition, ReadyToRunImages.FolderName, own)).FullName;
            foreach (var image in Directory.GetFiles(Path.Combine(Edition, ReadyToRunImages.FolderName, "net10.0-" + other)))
                File.Copy(image, Path.Combine(folder, Path.GetFileName(image)));
            Assert.Null(ReadyToRunImages.FolderForThisProcess(edition));

            foreach (var image in Directory.GetFiles(Path.Combine(Edition, ReadyToRunImages.FolderName, own)))
                File.Copy(image, Path.Combine(folder, Path.GetFileName(image)), overwrite: true);
            Assert.Equal(folder, ReadyToRunImages.FolderForThisProcess(edition));

            // One plain (IL-only) assembly among the images is not an image for this machine either.
            File.Copy(Path.Combine(Plain, "Newtonsoft.Json.dll"), Path.Combine(folder, "Newtonsoft.Json.dll"), overwrite: true);
            Assert.Null(ReadyToRunImages.FolderForThisProcess(edition));
        }
        finally
        {
            Directory.Delete(edition, true);
        }
    }

    [Fact]
    public void A_file_that_is_no_pe_image_has_no_machine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not an image, though long enough to hold the offsets a PE header would have at 0x3C.");
            Assert.Null(ReadyToRunImages.PeMachine(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_module_has_images_for_net10_on_linux_x64_win_x64_and_osx_arm64()
    {
        var folders = Directory.GetDirectories(Path.Combine(Edition, ReadyToRunImages.FolderName)).Select(Path.GetFileName).OrderBy(n => n);
        Assert.Equal(new[] { "net10.0-linux-x64", "net10.0-osx-arm64", "net10.0-win-x64" }, folders);
    }

    [Fact]
    public void This_process_finds_the_images_for_its_own_runtime_and_platform()
    {
        // The tests run on .NET 10, as PowerShell 7.6 does.
        var expected = ReadyToRunImages.PlatformFolder(Environment.Version.Major, ReadyToRunImages.CurrentOs(), RuntimeInformation.ProcessArchitecture);
        Assert.True(MachineOf.ContainsKey(expected!.Substring("net10.0-".Length)), $"no images are built for {expected}");
        Assert.Equal(Path.Combine(Edition, ReadyToRunImages.FolderName, expected), ReadyToRunImages.FolderForThisProcess(Edition));
    }

    [Fact]
    public void A_runtime_without_images_gets_none()
    {
        Assert.False(Directory.Exists(Path.Combine(Edition, ReadyToRunImages.FolderName, ReadyToRunImages.PlatformFolder(8, "linux", Architecture.X64)!)));
        Assert.False(Directory.Exists(Path.Combine(Edition, ReadyToRunImages.FolderName, ReadyToRunImages.PlatformFolder(9, "win", Architecture.X64)!)));
    }

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("win-x64")]
    [InlineData("osx-arm64")]
    public void Each_plain_assembly_has_an_image_of_the_same_assembly_for_that_machine(string platform)
    {
        var folder = Path.Combine(Edition, ReadyToRunImages.FolderName, "net10.0-" + platform);
        var plain = Directory.GetFiles(Plain, "*.dll").Select(AssemblyFile.Read).ToDictionary(f => Path.GetFileName(f.Path));
        var images = Directory.GetFiles(folder).Select(AssemblyFile.Read).ToDictionary(f => Path.GetFileName(f.Path));
        Assert.Equal(plain.Keys.OrderBy(k => k), images.Keys.OrderBy(k => k));
        foreach (var (name, image) in images)
        {
            Assert.Equal(plain[name].Identity.FullName, image.Identity.FullName);
            Assert.Equal(plain[name].Mvid, image.Mvid);
            Assert.False(plain[name].IsReadyToRun, $"{name} in Dependencies should be the plain assembly");
            Assert.True(image.IsReadyToRun, $"{name} in {platform} holds no precompiled code");
            Assert.Equal(MachineOf[platform], image.Machine);
        }
    }
}
