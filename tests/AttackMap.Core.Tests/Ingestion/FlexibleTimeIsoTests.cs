using AttackMap.Ingestion;

namespace AttackMap.Tests.Ingestion;

/// <summary>The format-free ISO reader must agree with the format-based path on every input it accepts, and decline the rest.</summary>
public sealed class FlexibleTimeIsoTests
{
    [Theory]
    [InlineData("2019-03-12T16:02:15.5522137Z")]
    [InlineData("2019-03-12T16:02:15.5522137+00:00")]
    [InlineData("2026-11-20T08:05:12.4718203+05:30")]
    [InlineData("2026-11-20T08:05:12.4718203-08:00")]
    [InlineData("2021-06-30T16:34:32Z")]
    [InlineData("2007-01-09T09:41:00.22Z")]
    [InlineData("2007-01-09T09:41:00.535404056Z")]
    [InlineData("2007-01-09T09:41:00.992099+00:00")]
    [InlineData("2007-01-09T11:41:00+02:00")]
    [InlineData("2007-01-09T09:41:00")]
    [InlineData("2024-02-29T23:59:59.9999999Z")]
    [InlineData("2024-01-01T00:30:00+14:00")]
    [InlineData("9998-12-31T23:59:59Z")]
    public void TryParseIso_CommonShape_MatchesFormatPath(string text)
    {
        FlexibleTime.TryParseIso(text, out var fast).Should().BeTrue();
        FlexibleTime.TryParseFormats(text, out var slow).Should().BeTrue();

        fast.Should().Be(slow);
        fast.Offset.Should().Be(slow.Offset);
        fast.UtcTicks.Should().Be(slow.UtcTicks);
    }

    [Theory]
    [InlineData("2022-09-09T8:48:50.361Z")]
    [InlineData("2019-01-12 06:41:44")]
    [InlineData("2023-02-29T10:00:00Z")]
    [InlineData("2023-01-01T24:00:00Z")]
    [InlineData("2023-01-01T23:59:60Z")]
    [InlineData("2023-01-01T10:00:00.Z")]
    [InlineData("2023-01-01T10:00:00+0100")]
    [InlineData("2023-01-01T10:00:00 Z")]
    [InlineData("2023-01-01T10:00:00ZZ")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void TryParseIso_OtherSpelling_Declines(string text) =>
        FlexibleTime.TryParseIso(text, out _).Should().BeFalse();
}
