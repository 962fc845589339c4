using AttackMap.Internal;

namespace AttackMap.Tests.Internal;

public sealed class JsonFieldPathTests
{
    [Theory]
    [InlineData("""{"properties":{"access":"Allow"}}""", "properties.access", "Allow")]
    [InlineData("""{"Properties":{"Access":"Allow"}}""", "properties.access", "Allow")]
    [InlineData("""{"rules":[{"port":"22"},{"port":"3389"}]}""", "rules.1.port", "3389")]
    [InlineData("""{"body":"{\"state\":\"disabled\"}"}""", "body.state", "disabled")]
    [InlineData("""{"a":1,"a":2}""", "a", "2")]
    public void Resolve_Path_ReturnsTheValue(string json, string path, string expected)
    {
        JsonFieldPath.Resolve(json, path).Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"body":"   "}""", "body.state")]
    [InlineData("""{"body":""}""", "body.state")]
    [InlineData("""{"rules":[1]}""", "rules.-1")]
    [InlineData("""{"rules":[1]}""", "rules.5")]
    [InlineData("not json", "a")]
    [InlineData("{broken", "a")]
    public void Resolve_MissingOrUnusable_ReturnsNullWithoutThrowing(string json, string path)
    {
        JsonFieldPath.Resolve(json, path).Should().BeNull();
    }
}
