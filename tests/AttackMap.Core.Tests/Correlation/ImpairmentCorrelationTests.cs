using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class ImpairmentCorrelationTests
{
    private const string Logs = "correlation.cloud-logs-impaired-after-risky-sign-in";
    private const string Plan = "correlation.defender-plan-downgraded-after-risky-sign-in";
    private const string Firewall = "correlation.firewall-opened-after-risky-sign-in";
    private const string DiagnosticDelete = "Microsoft.Insights/diagnosticSettings/delete";
    private const string Nsg = Subscription + "/resourceGroups/rg-prod/providers/Microsoft.Network/networkSecurityGroups/nsg-web";

    private static readonly string Diagnostic = $"{Subscription}/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/kv-prod/providers/microsoft.insights/diagnosticSettings/to-sentinel";

    private readonly CorrelationSignals _s = new("impair.jsonl");

    [Fact]
    public void DiagnosticDeleteAfterRiskySignIn_Found()
    {
        var signals = new Signal[] { _s.SignIn(At(14, 0), Avery, risk: "high"), _s.Activity(At(15, 30), Avery, DiagnosticDelete, Diagnostic) };

        var finding = CorrelationHarness.Run(signals).Findings.Of(Logs).Should().ContainSingle().Which;

        finding.Techniques.Select(t => t.Id).Should().Equal("T1685.002");
        finding.Tactics.Should().Equal("defense-impairment");
        finding.Records.Select(r => r.Step).Should().Equal("risky-sign-in", "diagnostic-setting-delete");
    }

    [Fact]
    public void DefenderPlanSetToFree_Found()
    {
        var signals = new Signal[]
        {
            _s.RiskDetection(At(14, 0), Avery, "medium"),
            _s.Activity(At(14, 10), Avery, "Microsoft.Security/pricings/write", $"{Subscription}/providers/Microsoft.Security/pricings/VirtualMachines", requestBody: "{\"properties\":{\"pricingTier\":\"Free\"}}"),
        };

        CorrelationHarness.Run(signals).Findings.Of(Plan).Should().ContainSingle().Which.Techniques.Select(t => t.Id).Should().Equal("T1685");
    }

    [Fact]
    public void DefenderPlanSetToStandard_NoImpairmentFinding()
    {
        var signals = new Signal[]
        {
            _s.RiskDetection(At(14, 0), Avery, "medium"),
            _s.Activity(At(14, 10), Avery, "Microsoft.Security/pricings/write", $"{Subscription}/providers/Microsoft.Security/pricings/VirtualMachines", requestBody: "{\"properties\":{\"pricingTier\":\"Standard\"}}"),
        };

        CorrelationHarness.Run(signals).Findings.Of(Plan).Should().BeEmpty();
    }

    [Fact]
    public void InboundAllowRuleAfterRiskySignIn_Found()
    {
        var signals = new Signal[]
        {
            _s.SignIn(At(14, 0), Avery, risk: "medium"),
            _s.Activity(At(14, 5), Avery, "Microsoft.Network/networkSecurityGroups/securityRules/write", Nsg + "/securityRules/allow-rdp", requestBody: "{\"properties\":{\"access\":\"Allow\",\"direction\":\"Inbound\",\"sourceAddressPrefix\":\"*\",\"destinationPortRange\":\"3389\"}}"),
        };

        CorrelationHarness.Run(signals).Findings.Of(Firewall).Should().ContainSingle().Which.Techniques.Select(t => t.Id).Should().Equal("T1686.001");
    }

    [Fact]
    public void DenyRule_NoFirewallFinding()
    {
        var signals = new Signal[]
        {
            _s.SignIn(At(14, 0), Avery, risk: "medium"),
            _s.Activity(At(14, 5), Avery, "Microsoft.Network/networkSecurityGroups/securityRules/write", Nsg + "/securityRules/deny-all", requestBody: "{\"properties\":{\"access\":\"Deny\",\"direction\":\"Inbound\"}}"),
        };

        CorrelationHarness.Run(signals).Findings.Of(Firewall).Should().BeEmpty();
    }

    [Theory]
    [InlineData(Blake, 30, "high")]
    [InlineData(Avery, 121, "high")]
    [InlineData(Avery, 30, "low")]
    public void DiagnosticDelete_NearMisses_NoFinding(string caller, int minutesLater, string risk)
    {
        var signals = new Signal[] { _s.SignIn(At(14, 0), Avery, risk: risk), _s.Activity(At(14, 0).AddMinutes(minutesLater), caller, DiagnosticDelete, Diagnostic) };

        CorrelationHarness.Run(signals).Findings.Of(Logs).Should().BeEmpty();
    }

    [Fact]
    public void SignInArrivesLateWithinLateness_StillFound()
    {
        var signIn = _s.SignIn(At(14, 0), Avery, risk: "high");

        CorrelationHarness.Run(new Signal[] { _s.Activity(At(14, 4), Avery, DiagnosticDelete, Diagnostic), signIn }).Findings.Of(Logs).Should().ContainSingle();
    }

    [Fact]
    public void SignInArrivesBeyondLateness_CountedLate()
    {
        var signIn = _s.SignIn(At(14, 0), Avery, risk: "high");

        var (findings, statistics) = CorrelationHarness.Run(new Signal[] { _s.Activity(At(14, 40), Avery, DiagnosticDelete, Diagnostic), signIn });

        findings.Should().BeEmpty();
        statistics.LateRecordsDropped.Should().Be(1);
    }
}
