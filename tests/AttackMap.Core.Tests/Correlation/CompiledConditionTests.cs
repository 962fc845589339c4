using AttackMap.Correlation;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Correlation;

public sealed class CompiledConditionTests
{
    public static TheoryData<string, ConditionOperator, string[]> Cases()
    {
        var data = new TheoryData<string, ConditionOperator, string[]>();
        foreach (var op in Enum.GetValues<ConditionOperator>())
        {
            data.Add("status", op, new[] { "succeeded" });
            data.Add("status", op, new[] { "Fail", "Start" });
            data.Add("isFailed", op, new[] { "false" });
            data.Add("subStatus", op, new[] { "OK" });
            data.Add("requestBody.properties.access", op, new[] { "allow" });
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsSatisfiedBy_AgreesWithRuleCondition(string field, ConditionOperator op, string[] values)
    {
        var s = new CorrelationSignals();
        var signals = new Signal[]
        {
            s.Activity(CorrelationSignals.At(1, 0), CorrelationSignals.Avery, "Microsoft.Network/networkSecurityGroups/securityRules/write", CorrelationSignals.Vm("a"), "Succeeded", "{\"properties\":{\"access\":\"Allow\"}}"),
            s.Activity(CorrelationSignals.At(1, 0), CorrelationSignals.Avery, "Microsoft.Network/networkSecurityGroups/securityRules/write", CorrelationSignals.Vm("a"), "Failed"),
            new AzureActivityEvent(s.NextOrigin(), "x") { SubStatus = "OK" },
        };
        var condition = new RuleCondition(field, op, values);
        var compiled = new CompiledCondition(condition, LogFamily.AzureActivity);

        foreach (var signal in signals)
        {
            compiled.IsSatisfiedBy(signal).Should().Be(condition.IsSatisfiedBy(signal), $"{condition} on {signal}");
        }
    }

    [Fact]
    public void OrderedRule_LaterStepWithoutTheEarlierOne_KeepsNoState()
    {
        var builtIn = CorrelationHarness.BuiltIn();
        builtIn.TryGetRule("correlation.change-after-risky-sign-in", out var rule).Should().BeTrue();
        var rules = new CorrelationRuleSetBuilder().Add(rule!).Build(CorrelationTestCatalog.Create());
        var session = new CorrelationEngine(rules).CreateSession();
        var s = new CorrelationSignals();

        for (var i = 0; i < 100; i++)
        {
            session.Push(s.Activity(CorrelationSignals.At(1, 0, i), SyntheticDay.UserId(i), "Microsoft.Resources/tags/write", CorrelationSignals.Vm("a")));
        }

        session.Push(s.SignIn(CorrelationSignals.At(2, 0), CorrelationSignals.Avery, risk: "high"));
        session.Push(s.SignIn(CorrelationSignals.At(3, 0), CorrelationSignals.Blake));

        session.Statistics.PeakActiveStateCount.Should().Be(1);
        session.Statistics.SignalsProcessed.Should().Be(101);
    }
}
