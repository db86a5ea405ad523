using System.Reflection;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Tests.Module;

/// <summary>
/// The cmdlets' enums and the core's are mapped by member name (src/JwtAuth/Infrastructure/CoreEnums.cs), never by number:
/// each pair must have the same names, so a member added on one side only fails here instead of mapping to the wrong one.
/// </summary>
public class EnumNameTests : IClassFixture<StagedModule>
{
    public static TheoryData<string, Type> Pairs => new()
    {
        { "JwtAuth.SfOrgType", typeof(OrgType) },
        { "JwtAuth.SfAuthScope", typeof(OrgAuthScope) },
        { "JwtAuth.SfKeyFormat", typeof(PrivateKeyFormat) },
        { "JwtAuth.SfScratchOrgStatus", typeof(JwtAuth.Core.ScratchOrgs.ScratchOrgStatus) },
    };

    private readonly StagedModule _module;

    public EnumNameTests(StagedModule module) => _module = module;

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_member_has_a_namesake_on_the_other_side(string cmdletEnum, Type coreEnum)
    {
        var cmdlet = Names(_module.Cmdlets.GetType(cmdletEnum, throwOnError: true)!);
        var core = Names(coreEnum);

        Assert.Empty(core.Except(cmdlet));
        Assert.Empty(cmdlet.Except(core));
    }

    [Fact]
    public void Every_public_enum_of_the_cmdlets_has_its_core_pair_listed_here()
    {
        var listed = Pairs.Select(p => (string)p[0]).ToHashSet();
        var enums = _module.Cmdlets.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.FullName!).ToList();

        Assert.NotEmpty(enums);
        Assert.All(enums, name => Assert.Contains(name, listed));
    }

    private static IReadOnlyList<string> Names(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
}
