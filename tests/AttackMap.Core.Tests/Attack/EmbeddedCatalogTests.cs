using AttackMap.Attack;

namespace AttackMap.Tests.Attack;

public sealed class EmbeddedCatalogTests
{
    private static readonly AttackCatalog V19 = AttackCatalog.LoadEmbedded("19.2");
    private static readonly AttackCatalog V18 = AttackCatalog.LoadEmbedded("18.1");

    [Fact]
    public void Default_IsTheDerived192Catalog()
    {
        AttackCatalog.Default.Should().BeSameAs(V19);
        V19.Version.Should().Be("19.2");
        V19.MajorVersion.Should().Be("19");
        V19.IsDerived.Should().BeTrue();
        V19.Domain.Should().Be("enterprise-attack");
        V19.Provenance.Should().Contain("DERIVED").And.Contain("techniques-19.2-derived.tsv")
            .And.Contain("AttackMap.CatalogGenerator").And.Contain("The MITRE Corporation").And.Contain("NOTICE-ATTACK.txt");
    }

    [Fact]
    public void Default_FromManyThreads_IsOneInstance()
    {
        var instances = Enumerable.Range(0, 16).AsParallel().Select(_ => AttackCatalog.Default).Distinct().ToArray();

        instances.Should().ContainSingle().Which.Version.Should().Be("19.2");
    }

    [Fact]
    public void EmbeddedVersions_ListsBothCatalogs()
    {
        AttackCatalog.EmbeddedVersions.Should().Equal("18.1", "19.2");
        AttackCatalog.LoadEmbedded("v18.1").Should().BeSameAs(V18);
    }

    [Fact]
    public void LoadEmbedded_UnknownVersion_ThrowsWithTheEmbeddedVersions()
    {
        var act = () => AttackCatalog.LoadEmbedded("17.1");
        act.Should().Throw<ArgumentException>().WithMessage("*17.1*18.1, 19.2*");
    }

    [Fact]
    public void Embedded192_Tactics_AreFifteenInMatrixOrder()
    {
        V19.Tactics.Select(t => t.ShortName).Should().Equal(
            "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation",
            "stealth", "defense-impairment", "credential-access", "discovery", "lateral-movement", "collection",
            "command-and-control", "exfiltration", "impact");
        V19.Tactics[6].Should().Be(new Tactic("TA0005", "stealth", "Stealth", 6));
        V19.Tactics[7].Should().Be(new Tactic("TA0112", "defense-impairment", "Defense Impairment", 7));
        V19.TryGetTactic("defense-evasion", out _).Should().BeFalse();
    }

    [Fact]
    public void Embedded192_Counts_Are222TechniquesAnd475SubTechniques()
    {
        var current = V19.GetTechniques();
        current.Should().HaveCount(697);
        current.Count(t => !t.IsSubTechnique).Should().Be(222);
        current.Count(t => t.IsSubTechnique).Should().Be(475);
        V19.Count.Should().Be(858);
        V19.GetTechniques(includeRevokedAndDeprecated: true).Count(t => t.IsRevoked).Should().Be(149);
        V19.GetTechniques(includeRevokedAndDeprecated: true).Count(t => t.IsDeprecated).Should().Be(12);
    }

    [Fact]
    public void Embedded192_T1562_IsRevokedAndSplit()
    {
        var t1562 = V19.GetTechnique("T1562");
        t1562.IsRevoked.Should().BeTrue();
        t1562.RevokedBy.Should().Be("T1685");
        t1562.SplitInto.Should().Equal("T1685", "T1685.001", "T1685.002", "T1685.003", "T1685.004", "T1686", "T1686.001", "T1686.002", "T1688", "T1689", "T1690");
    }

    [Fact]
    public void Embedded192_NewAndMovedTechniques_HaveTheirV19Tactics()
    {
        var t1685002 = V19.GetTechnique("T1685.002");
        t1685002.Name.Should().Be("Disable or Modify Cloud Log");
        t1685002.Tactics.Should().Equal("defense-impairment");
        t1685002.IsCurrent.Should().BeTrue();
        t1685002.ParentId.Should().Be("T1685");

        var t1078004 = V19.GetTechnique("T1078.004");
        t1078004.Tactics.Should().Contain("stealth").And.NotContain("defense-evasion");
        t1078004.Tactics.Should().Equal("initial-access", "persistence", "privilege-escalation", "stealth");
    }

    [Fact]
    public void Embedded192_NewTechniqueWithoutPlatforms_HasAnEmptyList()
    {
        var t1684 = V19.GetTechnique("T1684");
        t1684.Platforms.Should().BeEmpty();
        t1684.StixId.Should().BeNull();
        t1684.Modified.Should().BeNull();
        V19.GetTechnique("T1685.001").Modified.Should().Be(new DateTimeOffset(2026, 5, 12, 15, 12, 0, 621, TimeSpan.Zero));
    }

    [Fact]
    public void Embedded181_Counts_MatchTheExtractedTables()
    {
        V18.Version.Should().Be("18.1");
        V18.IsDerived.Should().BeFalse();
        V18.Tactics.Should().HaveCount(14);
        V18.Tactics[6].Should().Be(new Tactic("TA0005", "defense-evasion", "Defense Evasion", 6));
        V18.Tactics[13].Id.Should().Be("TA0040");
        V18.Count.Should().Be(835);
        var current = V18.GetTechniques();
        current.Should().HaveCount(691);
        current.Count(t => !t.IsSubTechnique).Should().Be(216);
        current.Count(t => t.IsSubTechnique).Should().Be(475);
        V18.GetTechniques(includeRevokedAndDeprecated: true).Count(t => t.IsRevoked).Should().Be(132);
        V18.GetTechniques(includeRevokedAndDeprecated: true).Count(t => t.IsDeprecated).Should().Be(12);
    }

    [Fact]
    public void Embedded181_T1562008_HasStixFields()
    {
        var t = V18.GetTechnique("T1562.008");
        t.Name.Should().Be("Disable or Modify Cloud Logs");
        t.Tactics.Should().Equal("defense-evasion");
        t.Platforms.Should().Equal("IaaS", "SaaS", "Office Suite", "Identity Provider");
        t.StixId.Should().Be("attack-pattern--cacc40da-4c9e-462c-80d5-fd70a178b12d");
        t.Version.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void ResolveCurrent_TwoStepChainIn181_EndsAtT1574001()
    {
        V18.GetTechnique("T1073").RevokedBy.Should().Be("T1574.002");
        V18.ResolveCurrent("T1073")!.Id.Should().Be("T1574.001");
    }

    [Fact]
    public void ResolveCurrent_ChainAcrossReleasesIn192_EndsAtT1685()
    {
        V19.GetTechnique("T1089").RevokedBy.Should().Be("T1562.001");
        V19.ResolveCurrent("T1089")!.Id.Should().Be("T1685");
        V19.ResolveCurrent("T1148")!.Id.Should().Be("T1690");
        V19.ResolveCurrent("T1108").Should().BeNull("T1108 is deprecated");
    }
}
