using AttackMap.Attack;

namespace AttackMap.Tests.Attack;

public sealed class PlatformScopeTests
{
    [Fact]
    public void AzurePlatforms_AreTheFourCloudPlatforms()
    {
        AttackCatalog.AzurePlatforms.Should().Equal("IaaS", "Identity Provider", "SaaS", "Office Suite");
    }

    [Fact]
    public void IsInScope_CloudTechnique_IsInAzureScope()
    {
        var t = AttackCatalog.Default.GetTechnique("T1078.004");
        t.IsInScope(AttackCatalog.AzurePlatforms).Should().BeTrue();
        AttackCatalog.Default.GetTechnique("T1078.002").IsInScope(AttackCatalog.AzurePlatforms).Should().BeFalse();
    }

    [Fact]
    public void IsInScope_OlderPlatformNames_CountAsTheirCurrentNames()
    {
        var signIn = new Technique { Id = "T1110.003", Name = "Password Spraying", Platforms = new[] { "Azure AD", "Office 365" } };
        signIn.IsInScope(new[] { "Identity Provider" }).Should().BeTrue();
        signIn.IsInScope(new[] { "office suite" }).Should().BeTrue();
        AttackCatalog.Default.GetTechnique("T1580").IsInScope(new[] { "Azure" }).Should().BeTrue();
        AttackCatalog.Default.GetTechnique("T1580").IsInScope(new[] { "Windows" }).Should().BeFalse();
    }

    [Fact]
    public void GetTechniquesForPlatforms_Azure_Gives151CurrentTechniques()
    {
        var v19 = AttackCatalog.Default.GetTechniquesForPlatforms(AttackCatalog.AzurePlatforms);
        v19.Should().HaveCount(151);
        v19.Should().OnlyContain(t => t.IsCurrent);
        v19.Select(t => t.Id).Should().Contain(new[] { "T1685.002", "T1098.001", "T1621" }).And.NotContain("T1562.008");
        v19.Select(t => t.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);

        AttackCatalog.LoadEmbedded("18.1").GetTechniquesForPlatforms(new[] { "Azure AD" }).Select(t => t.Id).Should().Contain("T1562.008");
    }
}
