using System.Text.Json;
using AttackMap.Internal;

namespace AttackMap.Tests.Internal;

public sealed class JsonErrorTextTests
{
    [Fact]
    public void Describe_ErrorOnThirdLine_IsOneBasedAndDropsTheRawPosition()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse("{\n  \"a\": 1\n}\n}"));

        JsonErrorText.Describe(exception).Should().Be("(line 4, column 1): '}' is invalid after a single JSON value. Expected end of data.");
    }
}
