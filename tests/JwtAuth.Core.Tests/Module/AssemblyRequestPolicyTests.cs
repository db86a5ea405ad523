using System.Reflection;
using JwtAuth.Loading;

namespace JwtAuth.Core.Tests.Module;

/// <summary>
/// What Windows PowerShell's AssemblyResolve handler answers (it cannot run here: the decision is a pure function
/// over the request and the folder's list). Names and tokens are those of real packages.
/// </summary>
public class AssemblyRequestPolicyTests
{
    private const string Newtonsoft = "Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed";
    private const string Unsafe = "System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
    private const string Core = "JwtAuth.Core, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null";

    private static readonly ShippedAssemblies Shipped = ShippedAssemblies.Parse(new[]
    {
        "# a comment",
        Newtonsoft,
        Core,
        Unsafe + "\tredirect",
        string.Empty,
    });

    private static bool Serves(string request) =>
        AssemblyRequestPolicy.Serves(new AssemblyName(request), Shipped.Find(new AssemblyName(request).Name));

    [Fact]
    public void The_list_has_what_the_folder_ships_and_which_names_redirect()
    {
        Assert.Equal(3, Shipped.Count);
        Assert.False(Shipped.Find("newtonsoft.json")!.RedirectsOlderVersions);
        Assert.True(Shipped.Find("System.Runtime.CompilerServices.Unsafe")!.RedirectsOlderVersions);
        Assert.Null(Shipped.Find("System.Text.Json"));
        Assert.Null(Shipped.Find(null));
    }

    [Fact]
    public void A_missing_or_damaged_list_serves_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("jwtauth-shipped.").FullName;
        try
        {
            var missing = ShippedAssemblies.Read(folder);
            Assert.Equal(0, missing.Count);
            Assert.False(AssemblyRequestPolicy.Serves(new AssemblyName(Newtonsoft), missing.Find("Newtonsoft.Json")));

            File.WriteAllLines(Path.Combine(folder, ShippedAssemblies.FileName), new[] { Newtonsoft, "Newtonsoft.Json, Version=not-a-version" });
            Assert.Equal(0, ShippedAssemblies.Read(folder).Count);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData(Newtonsoft)]
    [InlineData(Core)]
    [InlineData("Newtonsoft.Json")]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0")]
    public void Serves_the_assembly_it_ships_when_asked_for_it(string request) => Assert.True(Serves(request));

    [Fact]
    public void Serves_an_older_version_of_the_same_major()
    {
        // What a binding redirect would send to ours: System.Diagnostics.DiagnosticSource asks for System.Memory 4.0.1.1.
        var shipped = ShippedAssemblies.Parse(new[] { "System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51" });
        Assert.True(AssemblyRequestPolicy.Serves(new AssemblyName("System.Memory, Version=4.0.1.1, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), shipped.Find("System.Memory")));
        Assert.True(AssemblyRequestPolicy.Serves(new AssemblyName("System.Memory, Version=4.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), shipped.Find("System.Memory")));
    }

    [Theory]
    [InlineData("Newtonsoft.Json, Version=13.0.0.1, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("Newtonsoft.Json, Version=14.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("System.Runtime.CompilerServices.Unsafe, Version=6.0.1.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")]
    [InlineData("JwtAuth.Core, Version=0.2.0.0, Culture=neutral, PublicKeyToken=null")]
    public void Never_serves_a_lower_version_than_asked(string request) => Assert.False(Serves(request));

    [Theory]
    [InlineData("Newtonsoft.Json, Version=12.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("Newtonsoft.Json, Version=9.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    public void Never_serves_across_a_major_version_it_does_not_redirect(string request) => Assert.False(Serves(request));

    [Fact]
    public void Crosses_a_major_version_only_for_a_redirect_the_build_found()
    {
        // System.Memory 4.5.5 was built against Unsafe 4.0.4.1; the module ships Unsafe 6.0.0.0.
        Assert.True(Serves("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"));
        var unmarked = ShippedAssemblies.Parse(new[] { Unsafe });
        Assert.False(AssemblyRequestPolicy.Serves(
            new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"),
            unmarked.Find("System.Runtime.CompilerServices.Unsafe")));
    }

    [Theory]
    // Not ours at all: another module's dependency, or the framework.
    [InlineData("Azure.Core, Version=1.44.1.0, Culture=neutral, PublicKeyToken=92742159e12e44c8")]
    [InlineData("System.Text.Json, Version=8.0.0.5, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    // Our names, but another publisher's key, an unsigned build of a signed assembly, a signed request for our unsigned core.
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=null")]
    [InlineData("JwtAuth.Core, Version=0.1.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    // A satellite (resources) request for a culture we do not ship.
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=de-DE, PublicKeyToken=30ad4fe6b2a6aeed")]
    public void Refuses_what_is_not_the_assembly_it_ships(string request) => Assert.False(Serves(request));
}
