using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class PrivilegedChainCorrelationTests
{
    private const string Chain = "correlation.privileged-change-chain";
    private const string RunCommand = "Microsoft.Compute/virtualMachines/runCommand/action";

    private readonly CorrelationSignals _s = new("activity.jsonl");

    [Fact]
    public void RoleAssignmentThenRunCommandByTheAssignee_FindingKeyedByAssignee()
    {
        var signals = new Signal[]
        {
            _s.RoleAssignment(At(10, 0), Blake, Avery),
            _s.Activity(At(11, 0), Avery, RunCommand, Vm("vm-prod-01")),
        };

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.RuleId.Should().Be(Chain);
        finding.Key.Should().Be(Avery);
        finding.Records.Select(r => r.Step).Should().Equal("role-assignment", "privileged-use");
        finding.Records.Select(r => r.MatchKey).Should().Equal("Microsoft.Authorization/roleAssignments/write", RunCommand);
        finding.Techniques.Select(t => t.Id).Should().Equal("T1098.003");
        finding.DependsOnFamilies.Should().Equal(LogFamily.AzureActivity);
    }

    [Fact]
    public void AuditRoleMemberThenKeyVaultPolicy_Found()
    {
        var signals = new Signal[]
        {
            _s.Audit(At(10, 0), Blake, "Add member to role", targetId: Avery.ToUpperInvariant()),
            _s.Activity(At(12, 0), Avery, "MICROSOFT.KEYVAULT/VAULTS/ACCESSPOLICIES/WRITE", $"{Subscription}/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/kv-prod"),
        };

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.DependsOnFamilies.Should().Equal(LogFamily.EntraAudit, LogFamily.AzureActivity);
        finding.Indexes().Should().Equal(0, 1);
    }

    [Fact]
    public void UseByTheAssigner_NoFinding()
    {
        var signals = new Signal[] { _s.RoleAssignment(At(10, 0), Blake, Avery), _s.Activity(At(11, 0), Blake, RunCommand, Vm("vm-prod-01")) };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void UseAfterFourHours_NoFinding()
    {
        var signals = new Signal[] { _s.RoleAssignment(At(10, 0), Blake, Avery), _s.Activity(At(14, 1), Avery, RunCommand, Vm("vm-prod-01")) };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void UseBeforeTheAssignment_NoFinding()
    {
        var signals = new Signal[] { _s.Activity(At(9, 0), Avery, RunCommand, Vm("vm-prod-01")), _s.RoleAssignment(At(10, 0), Blake, Avery) };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void FailedAssignment_NoFinding()
    {
        var failed = _s.Activity(At(10, 0), Blake, "Microsoft.Authorization/roleAssignments/write", $"{Subscription}/providers/Microsoft.Authorization/roleAssignments/x", "Failed", "{\"properties\":{\"principalId\":\"" + Avery + "\"}}");

        CorrelationHarness.Run(new Signal[] { failed, _s.Activity(At(11, 0), Avery, RunCommand, Vm("vm-prod-01")) }).Findings.Should().BeEmpty();
    }

    [Fact]
    public void AssignmentArrivesLateWithinLateness_StillFound()
    {
        var assignment = _s.RoleAssignment(At(10, 0), Blake, Avery);
        var use = _s.Activity(At(10, 3), Avery, RunCommand, Vm("vm-prod-01"));

        CorrelationHarness.Run(new Signal[] { use, assignment }).Findings.Should().ContainSingle().Which.Indexes().Should().Equal(0, 1);
    }

    [Fact]
    public void AssignmentArrivesBeyondLateness_CountedLate()
    {
        var assignment = _s.RoleAssignment(At(10, 0), Blake, Avery);
        var use = _s.Activity(At(10, 30), Avery, RunCommand, Vm("vm-prod-01"));

        var (findings, statistics) = CorrelationHarness.Run(new Signal[] { use, assignment });

        findings.Should().BeEmpty();
        statistics.LateRecordsDropped.Should().Be(1);
    }
}
