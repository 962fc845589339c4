using AttackMap.Ingestion;

namespace AttackMap.Tests.Ingestion;

public sealed class FieldNormalizerTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(" 2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6 ", "2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6")]
    [InlineData("<null>", null)]
    [InlineData("<Redacted>", null)]
    [InlineData("<CALLER IP ADDRESS>", null)]
    [InlineData("127.0.0.0/8", null)]
    [InlineData("123.456.7.89", null)]
    [InlineData("", null)]
    [InlineData("12", null)]
    public void Ip_Value_NormalizesOrDrops(string text, string? expected)
    {
        FieldNormalizer.Ip(text).Should().Be(expected);
    }

    [Fact]
    public void ResourceId_ArmPath_IsLowerCasedAndGuidIsNot()
    {
        FieldNormalizer.ResourceId("/SUBSCRIPTIONS/ABC/RESOURCEGROUPS/RG").Should().Be("/subscriptions/abc/resourcegroups/rg");
        FieldNormalizer.ResourceId("797f4846-ba00-4fd7-ba43-dac1f8f63013").Should().BeNull();
    }
}
