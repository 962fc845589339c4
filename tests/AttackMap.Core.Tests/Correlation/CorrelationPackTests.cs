using AttackMap.Correlation;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class CorrelationPackTests
{
    private static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Correlation", "contoso-correlations.json");

    [Fact]
    public void AddPack_Fixture_ReadsEveryField()
    {
        using var stream = File.OpenRead(FixturePath);
        var rules = new CorrelationRuleSetBuilder().AddPack(stream, "contoso-correlations.json").Build(CorrelationTestCatalog.Create());

        rules.Count.Should().Be(2);
        var vault = rules.Rules[0];
        vault.Id.Should().Be("contoso.keyvault-policy-after-risky-sign-in");
        vault.Name.Should().Be("Key vault access policy after a risky sign-in");
        vault.Window.Should().Be(TimeSpan.FromMinutes(45));
        vault.Ordered.Should().BeTrue();
        vault.Kind.Should().Be(EvidenceKind.DirectDetection);
        vault.AttackVersion.Should().Be("19.2");
        vault.Location.Should().Be("contoso-correlations.json:correlations[0]");
        vault.References.Should().ContainSingle();
        vault.Steps.Select(s => s.Name).Should().Equal("risky-sign-in", "access-policy");
        vault.Steps[0].Matches.Select(m => m.Family).Should().Equal(LogFamily.EntraSignIn, LogFamily.EntraRiskDetection);
        vault.Steps[1].Matches[0].Sources.Should().Equal(SignalSource.AzureActivityWrite);
        vault.Steps[1].Matches[0].Conditions.Should().ContainSingle().Which.Field.Should().Be("isFailed");
        var tenant = rules.Rules[1];
        tenant.GroupBy.Should().Be(CorrelationKey.Tenant);
        tenant.Window.Should().Be(TimeSpan.FromMinutes(15));
        tenant.Steps[0].MinCount.Should().Be(3);
        tenant.Steps[0].DistinctField.Should().Be("ipAddress");
        tenant.Steps[0].MinDistinct.Should().Be(3);
        tenant.Steps[0].Matches[0].MatchField.Should().Be("resultType");
        tenant.Tactics.Should().Equal("credential-access");
    }

    [Fact]
    public void AddPack_Fixture_RulesCorrelate()
    {
        var rules = new CorrelationRuleSetBuilder().AddPack(File.ReadAllText(FixturePath), "contoso").Build(CorrelationTestCatalog.Create());
        var s = new CorrelationSignals();
        var signals = new List<Signal>
        {
            s.RiskDetection(At(9, 0), Avery, "high"),
            s.Activity(At(9, 30), Avery, "microsoft.keyvault/vaults/accesspolicies/write", $"{Subscription}/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv1"),
        };
        for (var i = 0; i < 3; i++)
        {
            var failed = s.SignIn(At(12, i), Blake, "50126", ip: $"203.0.113.{i + 1}");
            signals.Add(new EntraSignIn(failed.Origin, SignInKind.UserInteractive, "50126") { Time = failed.Time, Principal = failed.Principal, IpAddress = failed.IpAddress, TenantId = "00000000-0000-4000-8000-0000000000ee" });
        }

        var findings = CorrelationHarness.Run(signals, rules: rules).Findings;

        findings.Select(f => f.RuleId).Should().Equal("contoso.keyvault-policy-after-risky-sign-in", "contoso.failed-sign-ins-per-tenant");
        findings[0].Techniques.Select(t => t.Id).Should().Equal("T1098");
        findings[1].Key.Should().Be("00000000-0000-4000-8000-0000000000ee");
        findings[1].Indexes().Should().Equal(2, 3, 4);
    }

    [Fact]
    public void AddPack_Invalid_ErrorsCarryTheJsonPath()
    {
        const string Json = """
        { "correlations": [
          { "id": "bad.one", "window": "ten minutes", "kind": "Strong", "rationale": "r",
            "steps": [ { "name": "s", "match": [ { "family": "Syslog" } ] } ], "techniques": [] },
          { "id": "bad.two", "window": "PT5M", "rationale": "r", "techniques": [ "T1110" ],
            "steps": [ { "minCount": "three", "match": [ { "family": "EntraSignIn", "conditions": [ { "operator": "equals" } ] } ] } ] },
          { "window": "PT5M" }
        ] }
        """;

        var act = () => new CorrelationRuleSetBuilder().AddPack(Json, "bad.json").Build(CorrelationTestCatalog.Create());

        act.Should().Throw<CorrelationRuleException>().Which.Errors.Should().Equal(
            "bad.json:correlations[0] 'bad.one': 'window' must be an ISO 8601 duration (PT10M) or d.hh:mm:ss, not 'ten minutes'.",
            "bad.json:correlations[0] 'bad.one': 'kind' value 'Strong' is not one of DirectDetection, CorrelationContext, Precondition, NeedsReview.",
            "bad.json:correlations[0] 'bad.one'.steps[0].match[0]: 'family' value 'Syslog' is not one of DefenderForCloud, EntraSignIn, EntraRiskDetection, EntraAudit, AzureActivity.",
            "bad.json:correlations[1] 'bad.two'.steps[0].match[0]: every condition needs a 'field'.",
            "bad.json:correlations[1] 'bad.two'.steps[0]: 'minCount' must be an integer.",
            "bad.json:correlations[2]: 'id' is required.");
    }

    [Fact]
    public void AddPack_NotJson_ReportsThePack()
    {
        var act = () => new CorrelationRuleSetBuilder().AddPack("{ nope", "broken.json").Build(CorrelationTestCatalog.Create());

        act.Should().Throw<CorrelationRuleException>().Which.Errors.Should().ContainSingle().Which.Should().StartWith("Pack broken.json: not valid JSON");
    }
}
