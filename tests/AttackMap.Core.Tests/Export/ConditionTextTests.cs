using AttackMap.Export;
using AttackMap.Mapping;

namespace AttackMap.Tests.Export;

public sealed class ConditionTextTests
{
    [Theory]
    [InlineData(ConditionOperator.Equals, new[] { "high" }, "riskLevelDuringSignIn equals high")]
    [InlineData(ConditionOperator.Equals, new[] { "medium", "high" }, "riskLevelDuringSignIn equals one of medium, high")]
    [InlineData(ConditionOperator.NotEquals, new[] { "none" }, "riskLevelDuringSignIn does not equal none")]
    [InlineData(ConditionOperator.NotEquals, new[] { "none", "low" }, "riskLevelDuringSignIn equals none of none, low")]
    [InlineData(ConditionOperator.Contains, new[] { "hig" }, "riskLevelDuringSignIn contains hig")]
    [InlineData(ConditionOperator.NotContains, new[] { "low" }, "riskLevelDuringSignIn does not contain low")]
    [InlineData(ConditionOperator.Exists, new string[0], "riskLevelDuringSignIn is set")]
    [InlineData(ConditionOperator.NotExists, new string[0], "riskLevelDuringSignIn is empty")]
    [InlineData(ConditionOperator.StartsWith, new[] { "hi" }, "riskLevelDuringSignIn starts with hi")]
    [InlineData(ConditionOperator.EndsWith, new[] { "gh", "um" }, "riskLevelDuringSignIn ends with one of gh, um")]
    public void Describe_EachOperator_ReadsAsText(ConditionOperator op, string[] values, string expected)
    {
        ConditionText.Describe(new RuleCondition("riskLevelDuringSignIn", op, values)).Should().Be(expected);
    }

    [Fact]
    public void Describe_SeveralConditions_JoinedWithAnd()
    {
        var conditions = new[]
        {
            new RuleCondition("requestBody.properties.access", ConditionOperator.Equals, new[] { "Allow" }),
            new RuleCondition("requestBody.properties.destinationPortRange", ConditionOperator.PortInRange, new[] { "22", "3389" }),
        };

        ConditionText.Describe(conditions).Should().Be(
            "requestBody.properties.access equals Allow and requestBody.properties.destinationPortRange includes a port in 22, 3389");
        ConditionText.Describe(Array.Empty<RuleCondition>()).Should().BeEmpty();
    }
}
