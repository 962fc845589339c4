using AttackMap.Coverage;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Coverage;

public sealed class CoverageGateTests
{
    [Theory]
    [InlineData("downgrade", "downgrade", null, true)]
    [InlineData(" DownGrade ", "downgrade", null, true)]
    [InlineData("t1098.003:direct", "T1098.003:Direct", "T1098.003", false)]
    [InlineData("T1110:NeedsReview", "T1110:NeedsReview", "T1110", false)]
    public void Parse_ValidGate_Normalises(string text, string expected, string? techniqueId, bool requiresBaseline)
    {
        var gate = CoverageGate.Parse(text);

        gate.Text.Should().Be(expected);
        gate.TechniqueId.Should().Be(techniqueId);
        gate.RequiresBaseline.Should().Be(requiresBaseline);
    }

    [Theory]
    [InlineData("")]
    [InlineData("T1098.003")]
    [InlineData("T1098.003:Great")]
    [InlineData("T1098.003:0")]
    [InlineData("T1098.003:OutOfScope")]
    [InlineData("upgrade")]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTheSyntax(string text)
    {
        var parse = () => CoverageGate.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage("*'downgrade' or '<technique>:<status>'*");
    }

    [Fact]
    public void Check_TechniqueBelowMinimum_NamesTechniqueStatusAndReason()
    {
        var report = CoverageSnapshot.From(CoverageTestReports.Mixed());

        CoverageGate.Parse("T1098.003:Direct").Check(report).Should().BeEmpty();
        CoverageGate.Parse("T1621:NeedsReview").Check(report).Should().BeEmpty();
        CoverageGate.Parse("T1621:CorrelationOnly").Check(report).Should().ContainSingle()
            .Which.Should().StartWith("T1621 Multi-Factor Authentication Request Generation: NeedsReview, required at least CorrelationOnly (NeedsReview: only 1");
        CoverageGate.Parse("T9999:NeedsRule").Check(report).Should().ContainSingle()
            .Which.Should().Be("T9999: not an in-scope technique of the report (required: NeedsRule)");
    }

    [Fact]
    public void Check_Downgrade_ListsOnlyDowngradedTechniques()
    {
        var before = CoverageTestReports.Mixed();
        var after = new CoverageCalculator().Calculate(CoverageTestCatalogs.Small(), CoverageTestReports.Rules(), CoverageTestReports.Sources().Without(LogFamily.EntraAudit));
        var gate = CoverageGate.Parse("downgrade");

        var offending = gate.Check(CoverageSnapshot.From(after), CoverageDiff.Compare(before, after));

        offending.Should().Equal(
            "T1098 Account Manipulation: Direct -> NeedsLogging: " + after.GetCoverage("T1098").Reason.Substring("NeedsLogging: ".Length),
            "T1098.003 Additional Cloud Roles: Direct -> NeedsLogging: " + after.GetCoverage("T1098.003").Reason.Substring("NeedsLogging: ".Length));
        gate.Check(CoverageSnapshot.From(before), CoverageDiff.Compare(after, before)).Should().BeEmpty("upgrades pass");
        var withoutBaseline = () => gate.Check(CoverageSnapshot.From(after));
        withoutBaseline.Should().Throw<InvalidOperationException>();
    }
}
