using JwtAuth.Core.Errors;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Service;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// New-SfCertificate -CertStoreLocation where there is no Windows certificate store: refused before any key file
/// is written. (The import itself needs Windows and runs in no test here.)
/// </summary>
public class CertificateStoreImportTests
{
    [Fact]
    public void Off_windows_a_store_location_is_refused_and_no_file_is_left_behind()
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = new TempFolder();
        var request = new CertificateCreationRequest { Directory = folder.Path, BaseName = "server", CertStoreLocation = "Cert:\\CurrentUser\\My" };

        var error = Assert.Throws<JwtAuthException>(() => CertificateService.Create(request));

        Assert.Equal("CertStoreNotSupported", error.ErrorId);
        Assert.Equal(JwtAuthErrorKind.NotImplemented, error.Kind);
        Assert.Contains("-KeyFile", error.Fix);
        Assert.Empty(folder.Entries());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_store_location_means_no_import(string? location) => Assert.Null(CertificateStoreImport.ParseLocation(location));
}
