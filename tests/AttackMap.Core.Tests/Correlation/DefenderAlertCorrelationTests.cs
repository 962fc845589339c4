using AttackMap.Correlation;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class DefenderAlertCorrelationTests
{
    private const string Rule = "correlation.defender-alert-with-resource-write";
    private const string ExtensionWrite = "Microsoft.Compute/virtualMachines/extensions/write";

    private readonly CorrelationSignals _s = new("alerts-and-activity.jsonl");

    [Fact]
    public void AlertOnVmThenWriteOnItsExtension_FindingKeyedByTheVm()
    {
        var signals = new Signal[]
        {
            _s.Alert(At(10, 0), Vm("vm1")),
            _s.Activity(At(10, 30), Blake, ExtensionWrite, Vm("vm1") + "/extensions/CustomScript"),
        };

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.RuleId.Should().Be(Rule);
        finding.GroupBy.Should().Be(CorrelationKey.ResourceRoot);
        finding.Key.Should().Be(Vm("vm1"));
        finding.Kind.Should().Be(EvidenceKind.CorrelationContext);
        finding.Techniques.Should().BeEmpty();
        finding.DependsOnFamilies.Should().Equal(LogFamily.DefenderForCloud, LogFamily.AzureActivity);
        finding.Tables.Should().Equal("AzureActivity", "SecurityAlert");
    }

    [Fact]
    public void WriteBeforeTheAlert_FoundBecauseTheRuleIsUnordered()
    {
        var signals = new Signal[] { _s.Activity(At(10, 0), Blake, "Microsoft.Compute/virtualMachines/write", Vm("vm1")), _s.Alert(At(10, 45), Vm("vm1")) };

        CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which.Indexes().Should().Equal(0, 1);
    }

    [Fact]
    public void ResourceIdsDifferInCase_StillRelated()
    {
        var alert = new DefenderAlert(_s.NextOrigin(), "VM_SuspiciousCommandLine") { Table = "SecurityAlert", Time = At(10, 0), ResourceId = Vm("vm1").ToUpperInvariant() };

        CorrelationHarness.Run(new Signal[] { alert, _s.Activity(At(10, 5), Blake, ExtensionWrite, Vm("vm1") + "/extensions/x") }).Findings.Should().ContainSingle();
    }

    [Fact]
    public void WriteOnAnotherResource_NoFinding()
    {
        var signals = new Signal[] { _s.Alert(At(10, 0), Vm("vm1")), _s.Activity(At(10, 30), Blake, ExtensionWrite, Vm("vm2") + "/extensions/x") };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void WriteTwoHoursLater_NoFinding()
    {
        var signals = new Signal[] { _s.Alert(At(10, 0), Vm("vm1")), _s.Activity(At(12, 0), Blake, ExtensionWrite, Vm("vm1")) };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void ReadOrFailedWrite_NoFinding()
    {
        var signals = new Signal[]
        {
            _s.Alert(At(10, 0), Vm("vm1")),
            _s.Activity(At(10, 5), Blake, "Microsoft.Compute/virtualMachines/read", Vm("vm1")),
            _s.Activity(At(10, 6), Blake, ExtensionWrite, Vm("vm1"), "Failed"),
        };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void AlertArrivesLateWithinLateness_StillFound()
    {
        var alert = _s.Alert(At(10, 0), Vm("vm1"));
        var write = _s.Activity(At(10, 4), Blake, ExtensionWrite, Vm("vm1"));

        CorrelationHarness.Run(new Signal[] { write, alert }).Findings.Should().ContainSingle();
    }

    [Fact]
    public void AlertArrivesBeyondLateness_CountedLate()
    {
        var alert = _s.Alert(At(10, 0), Vm("vm1"));
        var write = _s.Activity(At(10, 20), Blake, ExtensionWrite, Vm("vm1"));

        var (findings, statistics) = CorrelationHarness.Run(new Signal[] { write, alert });

        findings.Should().BeEmpty();
        statistics.LateRecordsDropped.Should().Be(1);
    }
}
