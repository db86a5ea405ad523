using System;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Model;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Store;

namespace JwtAuth.Infrastructure
{
    /// <summary>
    /// The one place the cmdlets' enums meet the core's: by member name, never by number, so reordering either side
    /// cannot map a member to the wrong one. tests/JwtAuth.Core.Tests/Module/EnumNameTests.cs checks that each pair
    /// has the same names.
    /// </summary>
    internal static class CoreEnums
    {
        public static SfOrgType ToCmdlet(OrgType value) => ByName<OrgType, SfOrgType>(value);

        public static SfAuthScope ToCmdlet(OrgAuthScope value) => ByName<OrgAuthScope, SfAuthScope>(value);

        public static SfScratchOrgStatus ToCmdlet(ScratchOrgStatus value) => ByName<ScratchOrgStatus, SfScratchOrgStatus>(value);

        /// <summary>For New-SfCertificate -KeyFormat.</summary>
        public static PrivateKeyFormat ToCore(SfKeyFormat value) => ByName<SfKeyFormat, PrivateKeyFormat>(value);

        private static TTo ByName<TFrom, TTo>(TFrom value) where TFrom : struct, Enum where TTo : struct, Enum
        {
            var name = value.ToString();
            if (!Enum.IsDefined(typeof(TFrom), value) || !Enum.IsDefined(typeof(TTo), name))
                throw new InvalidOperationException($"{typeof(TFrom).Name}.{name} has no member of the same name in {typeof(TTo).Name}.");
            return (TTo)Enum.Parse(typeof(TTo), name);
        }
    }
}
