using AttackMap.Attack;

namespace AttackMap.Tests.Attack;

public sealed class MigrationTests
{
    private static readonly AttackCatalog V18 = AttackCatalog.LoadEmbedded("18.1");
    private static readonly AttackCatalog V19 = AttackCatalog.LoadEmbedded("19.2");

    [Fact]
    public void Migrate_RevokedInV19_GivesTheReplacement()
    {
        var row = V19.Migrate("T1562.008", V18);

        row.Outcome.Should().Be(MigrationOutcome.Revoked);
        row.OriginalVersion.Should().Be("18.1");
        row.OriginalName.Should().Be("Disable or Modify Cloud Logs");
        row.NewVersion.Should().Be("19.2");
        row.NewId.Should().Be("T1685.002");
        row.NewName.Should().Be("Disable or Modify Cloud Log");
        row.OldTactics.Should().Equal("defense-evasion");
        row.NewTactics.Should().Equal("defense-impairment");
        row.NeedsReview.Should().BeFalse();
    }

    [Fact]
    public void Migrate_AlreadyRevokedIn181_FollowsTheWholeChain()
    {
        var row = V19.Migrate("T1089", V18);

        row.Outcome.Should().Be(MigrationOutcome.Revoked);
        row.OriginalName.Should().Be("Disabling Security Tools");
        row.NewId.Should().Be("T1685");
        row.NewName.Should().Be("Disable or Modify Tools");
    }

    [Fact]
    public void Migrate_T1562_IsASplitThatNeedsReview()
    {
        var row = V19.Migrate("T1562", V18);

        row.Outcome.Should().Be(MigrationOutcome.Split);
        row.NeedsReview.Should().BeTrue();
        row.NewId.Should().Be("T1685", "MITRE's revoked-by target is kept as the nominal replacement");
        row.Candidates.Should().HaveCount(11).And.Contain(new[] { "T1685", "T1685.002", "T1686", "T1686.001", "T1690" });
    }

    [Fact]
    public void Migrate_T1211_IsRenamedAndMovedToStealth()
    {
        var row = V19.Migrate("T1211", V18);

        row.Outcome.Should().Be(MigrationOutcome.RenamedAndTacticMoved);
        row.OriginalName.Should().Be("Exploitation for Defense Evasion");
        row.NewId.Should().Be("T1211");
        row.NewName.Should().Be("Exploitation for Stealth");
        row.NewTactics.Should().Equal("stealth");
    }

    [Fact]
    public void Migrate_T1557001_IsRenamedOnly()
    {
        var row = V19.Migrate("T1557.001", V18);

        row.Outcome.Should().Be(MigrationOutcome.Renamed);
        row.NewName.Should().Be("Name Resolution Poisoning and SMB Relay");
        row.NewTactics.Should().BeEquivalentTo(row.OldTactics);
    }

    [Fact]
    public void Migrate_T1078004_MovesFromDefenseEvasionToStealth()
    {
        var row = V19.Migrate("T1078.004", V18);

        row.Outcome.Should().Be(MigrationOutcome.TacticMoved);
        row.NewId.Should().Be("T1078.004");
        row.OldTactics.Should().Contain("defense-evasion");
        row.NewTactics.Should().Contain("stealth").And.NotContain("defense-evasion");
    }

    [Fact]
    public void Migrate_T1098_IsUnchanged()
    {
        var row = V19.Migrate("t1098 ", V18);

        row.Outcome.Should().Be(MigrationOutcome.Unchanged);
        row.OriginalId.Should().Be("T1098");
        row.NewId.Should().Be("T1098");
        row.NewName.Should().Be("Account Manipulation");
        row.NeedsReview.Should().BeFalse();
    }

    [Fact]
    public void Migrate_DeprecatedT1108_NeedsReviewWithoutReplacement()
    {
        var row = V19.Migrate("T1108", V18);

        row.Outcome.Should().Be(MigrationOutcome.Deprecated);
        row.OriginalName.Should().Be("Redundant Access");
        row.NewId.Should().BeNull();
        row.NeedsReview.Should().BeTrue();
    }

    [Fact]
    public void Migrate_IdNotInSourceRelease_IsUnknown()
    {
        var row = V19.Migrate("T9999", V18);

        row.Outcome.Should().Be(MigrationOutcome.Unknown);
        row.OriginalName.Should().BeNull();
        row.NeedsReview.Should().BeTrue();
    }

    [Fact]
    public void Migrate_ManyIds_BuildsAReportWithOneRowPerDistinctId()
    {
        var report = V19.Migrate(new[] { "T1562.008", "T1089", "T1562", "T1211", "T1078.004", "T1098", "T1098", "T1108", " " }, V18);

        report.FromVersion.Should().Be("18.1");
        report.ToVersion.Should().Be("19.2");
        report.Rows.Select(r => r.OriginalId).Should().Equal("T1562.008", "T1089", "T1562", "T1211", "T1078.004", "T1098", "T1108");
        report.Count(MigrationOutcome.Revoked).Should().Be(2);
        report.NeedsReview.Select(r => r.OriginalId).Should().Equal("T1562", "T1108");
    }

    [Fact]
    public void Migrate_WholeV181Catalog_MatchesTheChangeTableCounts()
    {
        var ids = V18.GetTechniques(includeRevokedAndDeprecated: true).Select(t => t.Id);
        var report = V19.Migrate(ids, V18);

        report.Rows.Should().HaveCount(835);
        report.Count(MigrationOutcome.Split).Should().Be(1);
        report.Count(MigrationOutcome.Renamed).Should().Be(1);
        report.Count(MigrationOutcome.RenamedAndTacticMoved).Should().Be(3);
        report.Count(MigrationOutcome.TacticMoved).Should().Be(195);
        report.Count(MigrationOutcome.Deprecated).Should().Be(12);
        report.Count(MigrationOutcome.Unknown).Should().Be(0);
    }
}
