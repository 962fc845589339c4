using AttackMap.Coverage;
using AttackMap.Signals;
using static AttackMap.Tests.Support.AttackSourceCatalogs;

namespace AttackMap.Tests.Coverage;

public sealed class AttackLogSourceMapTests
{
    [Theory]
    [InlineData("azure:signinlogs", LogFamily.EntraSignIn)]
    [InlineData("azure:ad", LogFamily.EntraSignIn)]
    [InlineData("Azure:SignInLogs", LogFamily.EntraSignIn)]
    [InlineData("azure:audit", LogFamily.EntraAudit)]
    [InlineData("azure:policy", LogFamily.EntraAudit)]
    [InlineData("Microsoft Entra ID Audit Logs", LogFamily.EntraAudit)]
    [InlineData("ApplicationLog:EntraIDPortal", LogFamily.EntraAudit)]
    [InlineData("azure:activity", LogFamily.AzureActivity)]
    public void TryGetFamily_AzureSource_GivesItsFamily(string name, LogFamily expected)
    {
        AttackLogSourceMap.TryGetFamily(name, out var family).Should().BeTrue();
        family.Should().Be(expected);
    }

    [Theory]
    [InlineData("azure:vmguest")]
    [InlineData("azure:vpcflow")]
    [InlineData("m365:unified")]
    public void GetTables_SourceNoFamilyShows_IsEmpty(string name)
    {
        AttackLogSourceMap.TryGetFamily(name, out _).Should().BeFalse();
        AttackLogSourceMap.GetTables(Ref(name, "AN0122", "DET0043", "IaaS", "x")).Should().BeEmpty();
    }

    [Fact]
    public void GetTables_SignInChannels_UserOrAllSignInTables()
    {
        AttackLogSourceMap.GetTables(Ref("azure:signinlogs", "AN1277", "DET0463", "Identity Provider", "Sign-in logs"))
            .Should().Equal("SigninLogs", "AADNonInteractiveUserSignInLogs");
        AttackLogSourceMap.GetTables(Ref("azure:signinlogs", "AN1347", "DET0488", "Identity Provider", "InteractiveUser, ServicePrincipalSignIn"))
            .Should().Equal("SigninLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs");
        AttackLogSourceMap.GetTables(Ref("ApplicationLog:EntraIDPortal", "AN0103", "DET0036", "Identity Provider", "DeviceRegistration events"))
            .Should().Equal("AuditLogs");
        AttackLogSourceMap.GetTables(Ref("azure:activity", "AN1242", "DET0449", "IaaS", "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE"))
            .Should().Equal("AzureActivity");
    }
}
